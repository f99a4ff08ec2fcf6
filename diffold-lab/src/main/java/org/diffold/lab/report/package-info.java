/**
 * Reports a user keeps: line charts ({@link org.diffold.lab.report.LineChartSpec}, rendered to PNG and SVG by
 * {@link org.diffold.lab.report.ChartRenderer}), HTML reports with tables, CSV and provenance ({@link
 * org.diffold.lab.report.Report}), aligned terminal tables ({@link org.diffold.lab.report.TextTable}), and the
 * atomic file and folder commits everything here is written with ({@link org.diffold.lab.report.AtomicFiles}).
 */
package org.diffold.lab.report;
