/** The Potaptchik, Azangulov &amp; Deligiannidis (COLT 2025) reproduction and step advisor: steps needed for KL <= eps against d and D (docs/math.md §2.3, §3.2, §4.3). */
package org.diffold.lab.experiment.potaptchik;
