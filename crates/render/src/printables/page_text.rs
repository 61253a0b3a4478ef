//! The words of a laid-out page, in reading order, for the preview's screen-reader text.
//!
//! Taken from the same Typst frames the SVG and the PDF are drawn from, so what is read out is
//! what is printed. Runs of text are visited in layout order (the order Typst placed them:
//! a table row's cells left to right, a side-by-side row's English column then its Spanish
//! one); a run starts a new line when its baseline is not the current line's, or when it
//! starts left of where the line has got to.

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::TextItem;

/// A baseline this close to the line's (in ems of the larger type) is the same line.
const SAME_LINE_EM: f64 = 0.3;
/// A gap wider than this (in ems) between two runs of a line is a space between words.
const WORD_GAP_EM: f64 = 0.15;
/// A run starting this far (in ems) left of the line's end is on a new line.
const BACKWARDS_EM: f64 = 0.5;

/// The page's text: one line per printed line, words separated by single spaces.
pub(super) fn frame_text(frame: &Frame) -> String {
    let mut lines = Lines::default();
    walk(frame, Transform::identity(), &mut lines);
    lines.finish()
}

fn walk(frame: &Frame, ts: Transform, lines: &mut Lines) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => walk(&group.frame, here.pre_concat(group.transform), lines),
            FrameItem::Text(text) => lines.push(Run::new(text, here)),
            FrameItem::Shape(..)
            | FrameItem::Image(..)
            | FrameItem::Link(..)
            | FrameItem::Tag(_) => {}
        }
    }
}

/// One run of shaped text, placed on the page (points).
struct Run<'a> {
    text: &'a str,
    /// Where the baseline starts.
    x: f64,
    y: f64,
    /// Where it ends along the baseline.
    end: f64,
    size: f64,
}

impl<'a> Run<'a> {
    fn new(item: &'a TextItem, ts: Transform) -> Self {
        let origin = Point::zero().transform(ts);
        let size = item.size.to_pt() * ts.sy.get().abs().max(f64::EPSILON);
        let width: Abs = item.width();
        Run {
            text: item.text.as_str(),
            x: origin.x.to_pt(),
            y: origin.y.to_pt(),
            end: origin.x.to_pt() + ts.sx.get() * width.to_pt(),
            size,
        }
    }
}

/// The lines so far and the one being built.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    line: String,
    /// The current line's baseline, end and largest type size; `None` before the first run.
    at: Option<(f64, f64, f64)>,
}

impl Lines {
    fn push(&mut self, run: Run<'_>) {
        if run.text.trim().is_empty() && self.at.is_none() {
            return;
        }
        if let Some((y, end, size)) = self.at {
            let em = size.max(run.size);
            let same_line =
                (run.y - y).abs() <= SAME_LINE_EM * em && run.x >= end - BACKWARDS_EM * em;
            if same_line {
                let touching = self.line.ends_with(char::is_whitespace)
                    || run.text.starts_with(char::is_whitespace);
                if !touching && run.x - end > WORD_GAP_EM * em {
                    self.line.push(' ');
                }
                self.line.push_str(run.text);
                self.at = Some((y, end.max(run.end), em));
                return;
            }
            self.end_line();
        }
        self.line.push_str(run.text);
        self.at = Some((run.y, run.end, run.size));
    }

    fn end_line(&mut self) {
        let line = self.line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            self.done.push(line);
        }
        self.line.clear();
        self.at = None;
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.done.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, x: f64, y: f64, width: f64) -> Run<'_> {
        Run {
            text,
            x,
            y,
            end: x + width,
            size: 10.0,
        }
    }

    fn lines(runs: Vec<Run<'_>>) -> String {
        let mut lines = Lines::default();
        for r in runs {
            lines.push(r);
        }
        lines.finish()
    }

    #[test]
    fn runs_on_one_baseline_are_one_line_and_a_new_baseline_a_new_line() {
        let text = lines(vec![
            run("Child", 10.0, 100.0, 25.0),
            // The value's cell: far right of the label, same baseline.
            run("José Ramírez", 90.0, 100.4, 60.0),
            run("Court ", 10.0, 114.0, 28.0),
            // Bold straight after, no gap: one word boundary already in the text.
            run("Houston", 38.0, 114.0, 35.0),
            run(",", 73.0, 114.0, 2.0),
        ]);
        assert_eq!(text, "Child José Ramírez\nCourt Houston,");
    }

    #[test]
    fn side_by_side_cells_read_one_after_the_other() {
        // The Spanish cell's first line shares the English cell's first baseline, but the
        // English cell has moved down by then: each cell keeps its own lines.
        let text = lines(vec![
            run("What to bring", 20.0, 50.0, 70.0),
            run("• This notice", 20.0, 62.0, 60.0),
            run("Qué llevar", 300.0, 50.0, 50.0),
            run("• Esta hoja", 300.0, 62.0, 50.0),
        ]);
        assert_eq!(
            text,
            "What to bring\n• This notice\nQué llevar\n• Esta hoja"
        );
    }

    #[test]
    fn a_run_left_of_the_line_starts_a_new_line_even_on_the_same_baseline() {
        let text = lines(vec![
            run("Page 1", 300.0, 50.0, 30.0),
            run("Tether", 20.0, 50.0, 30.0),
        ]);
        assert_eq!(text, "Page 1\nTether");
    }

    #[test]
    fn blank_runs_make_no_empty_lines() {
        let text = lines(vec![
            run("  ", 10.0, 10.0, 5.0),
            run("One", 10.0, 20.0, 15.0),
            run(" ", 10.0, 30.0, 5.0),
            run("Two", 10.0, 40.0, 15.0),
        ]);
        assert_eq!(text, "One\nTwo");
    }
}
