/** The score contract shared by exact and learned scores, and the score/denoiser/noise conversions. */
package org.diffold.core.score;
