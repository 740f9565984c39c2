package com.qualityreview.reporting.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import com.qualityreview.review.metrics.KeyDrivers;

import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;

/**
 * The importance–performance chart of the key drivers (docs/review.md, Key drivers): each point
 * labelled with its dimension (the series' name), and crosshair lines at the medians of performance
 * and importance of the points shown, which divide the chart into the four quadrants the table names.
 * Named in drivers.jrxml as {@code customizerClass}.
 */
public class DriverChartCustomizer extends JRAbstractChartCustomizer {

    private static final Color CROSSHAIR = new Color(0x88, 0x88, 0x88);

    /** At least this wide an axis, so that near-equal points are not spread as if far apart. */
    static final double MEAN_SPAN = 0.2;
    static final double R_SPAN = 0.05;

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        quadrantCrosshairs(chart);
    }

    static void quadrantCrosshairs(JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (!(plot instanceof XYPlot xy) || xy.getDataset() == null) {
            return;
        }
        XYItemRenderer renderer = xy.getRenderer();
        renderer.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{0}"));
        renderer.setDefaultItemLabelsVisible(true);
        // The axis' font is the report's (with Chinese glyphs); JFreeChart's default has none.
        renderer.setDefaultItemLabelFont(xy.getDomainAxis().getTickLabelFont().deriveFont(7.5f));
        // Beside the point, not above it: a point at r = 1 keeps its label inside the chart.
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        XYDataset points = xy.getDataset();
        List<Double> means = new ArrayList<>();
        List<Double> correlations = new ArrayList<>();
        for (int series = 0; series < points.getSeriesCount(); series++) {
            for (int item = 0; item < points.getItemCount(series); item++) {
                means.add(points.getXValue(series, item));
                correlations.add(points.getYValue(series, item));
            }
        }
        // As KeyDrivers classifies: no quadrants with fewer than two points.
        if (means.size() < 2) {
            return;
        }
        xy.addDomainMarker(crosshair(KeyDrivers.median(means.stream().mapToDouble(Double::doubleValue).toArray())));
        xy.addRangeMarker(crosshair(KeyDrivers.median(correlations.stream().mapToDouble(Double::doubleValue).toArray())));
        // Zoomed to the points: dimensions often lie within a few hundredths of each other, which
        // the full scales (means 1–5, r −1 to 1) would draw as one blot.
        xy.getDomainAxis().setRange(around(means, MEAN_SPAN, 1, 5));
        xy.getRangeAxis().setRange(around(correlations, R_SPAN, -1, 1));
    }

    /** The values' range widened to at least {@code span}, with a margin of a sixth on each side, kept within the scale. */
    static Range around(List<Double> values, double span, double lowest, double highest) {
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double width = Math.max(max - min, span);
        double centre = (min + max) / 2;
        double margin = width / 6;
        double low = Math.max(lowest, centre - width / 2 - margin);
        double high = Math.min(highest, centre + width / 2 + margin);
        return new Range(low, high);
    }

    private static ValueMarker crosshair(double at) {
        return new ValueMarker(at, CROSSHAIR, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {3f, 3f}, 0f));
    }
}
