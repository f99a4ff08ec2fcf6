/**
 * Time grids of the continuous OU process (docs/math.md §1.2, §2.3): Definition 9 of Potaptchik et al.
 * (2410.09046, uniform then geometric), Benton et al.'s half-uniform/half-geometric grid (2308.03686) and a plain
 * uniform grid. Grids are immutable, validated, printable values shared by every continuous-time sampler.
 */
package org.diffold.core.grid;
