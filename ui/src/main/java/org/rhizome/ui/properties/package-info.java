/**
 * A note's front matter as a small typed properties table above the note ({@link
 * org.rhizome.ui.properties.PropertiesView}), edited by splicing only the YAML lines of the changed
 * key ({@link org.rhizome.graph.markdown.FrontMatterLines}).
 */
@NullMarked
package org.rhizome.ui.properties;

import org.jspecify.annotations.NullMarked;
