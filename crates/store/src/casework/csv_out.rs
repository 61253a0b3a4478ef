//! The one way Tether writes a CSV row (exports, rejected-rows files): every cell, header
//! included, through `cells::neutralise`, so no writer can forget a column.

use std::io::Write;

use tether_core::casework::release_csv::cells::neutralise;

pub(crate) fn write_row<W: Write, S: AsRef<str>>(
    w: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = S>,
) -> csv::Result<()> {
    let safe: Vec<String> = cells
        .into_iter()
        .map(|c| neutralise(c.as_ref()).into_owned())
        .collect();
    w.write_record(&safe)
}
