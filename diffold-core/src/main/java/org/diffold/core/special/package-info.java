/** Special functions core needs and Hipparchus lacks: modified Bessel function ratios and log I_0. */
package org.diffold.core.special;
