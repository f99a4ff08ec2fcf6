/** Special functions core needs that Hipparchus lacks or computes too coarsely: Bessel ratios, log I_0, digamma. */
package org.diffold.core.special;
