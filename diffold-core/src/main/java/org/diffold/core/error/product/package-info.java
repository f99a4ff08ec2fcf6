/** Product targets pi^k x delta_0^(D-k) (docs/math.md §4.3): KL and Hellinger from 1-D factors, Monte Carlo TV. */
package org.diffold.core.error.product;
