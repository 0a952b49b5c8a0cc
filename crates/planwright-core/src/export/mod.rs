//! What a plan becomes for people to read outside the app, and for the
//! tools where the work then runs.
//!
//! - [`markdown`]: the whole plan with its analysis as one Markdown document.
//! - [`csv`]: phases, gates, tasks, approvals and hand-offs as one CSV table
//!   for issue trackers (Jira, Linear, Asana, GitHub Projects).
//! - [`mspdi`]: the schedule as Microsoft Project XML, with phases as
//!   summary tasks, dependencies, the working calendar and owners.
//! - [`ics`]: gates, milestones, approval deadlines and review cycles as an
//!   iCalendar file whose events keep their identity from one export to the
//!   next.
//!
//! Each takes the plan and its [`Analysis`](crate::analysis::Analysis), so
//! a caller that already analysed the plan does not pay for it again, and
//! returns the whole file as text.

pub mod csv;
pub mod ics;
pub mod markdown;
pub mod mspdi;
mod work;
