/** Small allocation-free linear-algebra kernels (subspace bases, projections) behind narrow classes. */
package org.diffold.core.linalg;
