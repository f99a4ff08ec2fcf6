/** Parsing of the {@code name:key=value,...} specs every registry accepts. */
package org.diffold.core.spec;
