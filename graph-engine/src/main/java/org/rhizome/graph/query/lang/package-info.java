/**
 * The query language over the graph (docs/queries.md): lexer, parser, typed AST, compiler to SQL,
 * results.
 */
@NullMarked
package org.rhizome.graph.query.lang;

import org.jspecify.annotations.NullMarked;
