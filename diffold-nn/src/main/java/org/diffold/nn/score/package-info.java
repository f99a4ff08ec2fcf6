/** The adapter that turns a trained score network into a core {@link org.diffold.core.score.Score}. */
package org.diffold.nn.score;
