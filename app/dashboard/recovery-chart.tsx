import { LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import type { DayFigures } from "./daily-series";
import { formatCount, formatDay } from "./format-figures";

export interface RecoveryChartProps {
  series: DayFigures[];
  locale: string;
  names: { abandoned: string; recovered: string };
}

/** Polaris Viz measures the DOM as it renders: loaded only in the browser, after hydration. */
export default function RecoveryChart({ series, locale, names }: RecoveryChartProps) {
  const data = [
    { name: names.abandoned, data: series.map((day) => ({ key: day.day, value: day.abandoned })) },
    { name: names.recovered, data: series.map((day) => ({ key: day.day, value: day.recovered })) },
  ];
  return (
    <PolarisVizProvider>
      <LineChart
        data={data}
        theme="Light"
        xAxisOptions={{ labelFormatter: (day) => formatDay(String(day), locale) }}
        yAxisOptions={{ integersOnly: true, labelFormatter: (value) => formatCount(Number(value), locale) }}
      />
    </PolarisVizProvider>
  );
}
