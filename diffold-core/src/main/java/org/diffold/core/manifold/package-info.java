/**
 * Data manifolds with known geometry ({@link org.diffold.core.manifold.DataManifold}): sampling with a chosen density
 * along the manifold, nearest-point projection and distance, isometric random embeddings; the 24 intrinsic-dimension
 * benchmark manifolds ({@link org.diffold.core.manifold.BenchmarkManifolds}); and curved targets whose noised scores
 * are exact (von Mises–Fisher for spheres, quadrature over the parameter for curves and tori; docs/math.md §5).
 */
package org.diffold.core.manifold;
