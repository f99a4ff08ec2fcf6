/** The learned-scores reproduction: eps_score^2 of trained networks against D, and the designs run with them (docs/math.md §4.4). */
package org.diffold.lab.experiment.learned;
