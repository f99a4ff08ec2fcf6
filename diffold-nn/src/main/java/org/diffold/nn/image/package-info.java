/**
 * Building blocks of small convolutional networks on DJL for image data (docs/math.md §7): the image shape,
 * named weights with seeded initialisation, and the functional layers (Conv2d, nearest 2x upsampling, group norm, SiLU).
 */
package org.diffold.nn.image;
