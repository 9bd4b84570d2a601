/**
 * Attachments in the window: following a link to one opens it (images in a viewer tab, PDFs and
 * other files in the system's default app), a missing one says so; see {@link
 * org.rhizome.ui.attachments.AttachmentOpener}.
 */
@NullMarked
package org.rhizome.ui.attachments;

import org.jspecify.annotations.NullMarked;
