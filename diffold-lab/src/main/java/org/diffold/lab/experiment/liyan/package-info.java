/** The Li &amp; Yan (NeurIPS 2024) reproduction: exact KL and TV of the coefficient designs against D and T (docs/math.md §3.1, §4.1). */
package org.diffold.lab.experiment.liyan;
