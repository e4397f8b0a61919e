//! Spreadsheet exports: responses, Statement of Applicability and action plan as CSV.
//!
//! Every file is:
//!
//! - UTF-8 with a byte-order mark (`EF BB BF`), so that Excel detects UTF-8 instead of guessing a
//!   legacy code page and garbling accents and dashes;
//! - RFC 4180: comma-separated, CRLF record ends, fields quoted when they contain a comma, quote,
//!   CR or LF (quotes doubled), by the `csv` crate;
//! - guarded against CSV/formula injection: a cell whose first character is `=`, `+`, `-`, `@`,
//!   tab or carriage return is prefixed with a single quote `'`, so a spreadsheet shows it as text
//!   instead of evaluating it as a formula (OWASP's recommendation). The quote is visible in the
//!   cell; the data in gap42 itself is unchanged. No number gap42 writes is negative, so numeric
//!   cells are never affected.
//!
//! Multi-valued cells (evidence, reasons, flags) put one value per line inside the cell.

use crate::catalog::{Catalog, Part};
use crate::domain::{ActionRow, Applicability, Assessment, Evidence, SoaRow};

/// Byte-order mark written at the start of every CSV file.
pub const BOM: &str = "\u{FEFF}";

/// Neutralise a cell that a spreadsheet would evaluate as a formula (see the module docs).
pub fn guard_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Write a header and rows as a guarded, BOM-prefixed, CRLF-terminated CSV document.
fn write_csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    fn inner(
        header: &[&str],
        rows: impl IntoIterator<Item = Vec<String>>,
    ) -> Result<Vec<u8>, ::csv::Error> {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(BOM.as_bytes().to_vec());
        w.write_record(header.iter().map(|h| guard_cell(h).into_owned()))?;
        for row in rows {
            w.write_record(row.iter().map(|c| guard_cell(c).into_owned()))?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    }
    // Writing to a Vec<u8> has no I/O failure, and every cell is a &str, so the bytes are UTF-8.
    let bytes = inner(header, rows).expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8")
}

/// One evidence entry as text: `title — reference (date)`.
fn evidence_text(e: &Evidence) -> String {
    let mut s = e.title.trim().to_string();
    let reference = e.reference.trim();
    if !reference.is_empty() {
        if !s.is_empty() {
            s.push_str(" — ");
        }
        s.push_str(reference);
    }
    let date = e.date.trim();
    if !date.is_empty() {
        s.push_str(&format!(" ({date})"));
    }
    s
}

fn evidence_cell(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .map(evidence_text)
        .collect::<Vec<_>>()
        .join("\n")
}

fn yes_no(b: bool) -> String {
    if b { "Yes" } else { "No" }.to_string()
}

/// Every assessable item (clause requirements, then Annex A controls, in catalog order) with
/// what was recorded for it. Columns: Id, Title, Part, Group, Maturity (blank = not assessed),
/// Target, Applicability, Notes, Owner, Due, Action, Action status, Priority, Evidence.
pub fn responses_csv(catalog: &Catalog, a: &Assessment) -> String {
    let header = [
        "Id",
        "Title",
        "Part",
        "Group",
        "Maturity",
        "Target",
        "Applicability",
        "Notes",
        "Owner",
        "Due",
        "Action",
        "Action status",
        "Priority",
        "Evidence",
    ];
    let rows = catalog.items.iter().map(|item| {
        let r = a.response(item.id);
        let group = catalog.group(item.group).map_or_else(
            || item.group.to_string(),
            |g| format!("{} {}", g.id, g.title),
        );
        let applicability = match (&r.applicability, item.part) {
            (Applicability::Excluded { justification }, Part::AnnexA) => {
                format!("Excluded: {}", justification.trim())
            }
            (Applicability::Applicable { reasons }, Part::AnnexA) if !reasons.is_empty() => {
                format!(
                    "Applicable: {}",
                    reasons
                        .iter()
                        .map(|x| x.label())
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
            _ => "Applicable".to_string(),
        };
        vec![
            item.id.to_string(),
            item.title.to_string(),
            item.part.label().to_string(),
            group,
            r.maturity
                .map(|m| m.level().to_string())
                .unwrap_or_default(),
            r.target.level().to_string(),
            applicability,
            r.notes.clone(),
            r.owner.clone(),
            r.due.clone(),
            r.action.clone(),
            r.action_status.label().to_string(),
            r.priority.label().to_string(),
            evidence_cell(&r.evidence),
        ]
    });
    write_csv(&header, rows)
}

/// The Statement of Applicability. Columns: Id, Title, Category, Applicable, Reasons for
/// inclusion, Justification for exclusion, Implementation status, Maturity, Evidence, Flags.
pub fn soa_csv(rows: &[SoaRow]) -> String {
    let header = [
        "Id",
        "Title",
        "Category",
        "Applicable",
        "Reasons for inclusion",
        "Justification for exclusion",
        "Implementation status",
        "Maturity",
        "Evidence",
        "Flags",
    ];
    let rows = rows.iter().map(|r| {
        vec![
            r.id.to_string(),
            r.title.to_string(),
            r.category.to_string(),
            yes_no(r.applicable),
            r.reasons
                .iter()
                .map(|x| x.label())
                .collect::<Vec<_>>()
                .join("\n"),
            r.justification.clone(),
            r.status.label().to_string(),
            r.maturity
                .map(|m| m.level().to_string())
                .unwrap_or_default(),
            evidence_cell(&r.evidence),
            r.flags
                .iter()
                .map(|f| f.label())
                .collect::<Vec<_>>()
                .join("\n"),
        ]
    });
    write_csv(&header, rows)
}

/// The action plan, in the order given. Columns: Id, Title, Part, Group, Maturity, Target, Gap,
/// Action, Owner, Due, Priority, Status, Overdue.
pub fn action_plan_csv(rows: &[ActionRow]) -> String {
    let header = [
        "Id", "Title", "Part", "Group", "Maturity", "Target", "Gap", "Action", "Owner", "Due",
        "Priority", "Status", "Overdue",
    ];
    let rows = rows.iter().map(|r| {
        vec![
            r.id.to_string(),
            r.title.to_string(),
            r.part.label().to_string(),
            r.group.to_string(),
            r.maturity.level().to_string(),
            r.target.level().to_string(),
            r.gap.to_string(),
            r.action.clone(),
            r.owner.clone(),
            r.due.clone(),
            r.priority.label().to_string(),
            r.status.label().to_string(),
            yes_no(r.overdue),
        ]
    });
    write_csv(&header, rows)
}
