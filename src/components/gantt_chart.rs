//! The roadmap timeline reads the open plan, so it lives in
//! [`crate::panels::gantt_chart`]; this path forwards to it for the chart
//! tests, which still import it from here.

pub use crate::panels::gantt_chart::GanttChart;
