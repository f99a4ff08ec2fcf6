/** Explicit randomness: one seed split into per-sample streams; no global generator. */
package org.diffold.core.random;
