/** Data distributions with exact scores: Gaussian, Gaussian-mixture and product targets on random subspaces. */
package org.diffold.core.target;
