//! Loader for the embedded catalog files. Zero-copy: every string borrows from the embedded text.

use super::*;

/// What can be wrong with catalog data.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CatalogError {
    #[error("{file}: line {line}: {msg}")]
    Syntax {
        file: &'static str,
        line: usize,
        msg: String,
    },
    #[error("guidance for unknown id {0}")]
    UnknownId(String),
    #[error("guidance for {0} is given twice")]
    DuplicateGuidance(String),
    #[error("no guidance for {0}")]
    MissingGuidance(String),
}

pub(super) struct Sources {
    pub clauses: &'static str,
    pub objectives: &'static str,
    pub controls: &'static str,
    pub doc_info: &'static str,
    pub crosswalk: &'static str,
    pub guidance: &'static [&'static str],
}

/// Data rows of a TSV file: header skipped, blank lines skipped, split on tabs.
fn rows(
    file: &'static str,
    text: &'static str,
    cols: usize,
) -> Result<Vec<Vec<&'static str>>, CatalogError> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < cols - 1 || fields.len() > cols {
            return Err(CatalogError::Syntax {
                file,
                line: n + 1,
                msg: format!(
                    "expected {cols} tab-separated fields, found {}",
                    fields.len()
                ),
            });
        }
        let mut fields = fields;
        fields.resize(cols, "");
        out.push(fields);
    }
    Ok(out)
}

/// Parsed guidance block before it is attached to an item.
#[derive(Default)]
struct Block {
    guidance: Guidance,
    doc: Option<bool>,
}

fn parse_guidance(
    text: &'static str,
    out: &mut Vec<(&'static str, Block)>,
) -> Result<(), CatalogError> {
    const FILE: &str = "guidance";
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |msg: &str| CatalogError::Syntax {
            file: FILE,
            line: n + 1,
            msg: msg.to_string(),
        };
        if let Some(rest) = line.strip_prefix('[') {
            let id = rest.strip_suffix(']').ok_or_else(|| err("unclosed ["))?;
            if out.iter().any(|(k, _)| *k == id) {
                return Err(CatalogError::DuplicateGuidance(id.to_string()));
            }
            out.push((id, Block::default()));
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| err("expected `key: value`"))?;
        let value = value.trim();
        let (_, block) = out
            .last_mut()
            .ok_or_else(|| err("text before the first [id]"))?;
        match key.trim() {
            "summary" => block.guidance.summary = value,
            "evidence" => block.guidance.evidence.push(value),
            "ask" => block.guidance.questions.push(value),
            "doc" => {
                block.doc = Some(match value {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(err("doc must be yes or no")),
                })
            }
            other => return Err(err(&format!("unknown key {other}"))),
        }
    }
    Ok(())
}

pub(super) fn build(src: Sources) -> Result<Catalog, CatalogError> {
    let mut clause_rows = Vec::new();
    for f in rows("iso42001-clauses.tsv", src.clauses, 3)? {
        let kind = match f[2] {
            "clause" => ClauseKind::Clause,
            "heading" => ClauseKind::Heading,
            "requirement" => ClauseKind::Requirement,
            other => {
                return Err(CatalogError::Syntax {
                    file: "iso42001-clauses.tsv",
                    line: 0,
                    msg: format!("unknown kind {other}"),
                })
            }
        };
        clause_rows.push(ClauseRow {
            id: f[0],
            title: f[1],
            kind,
        });
    }

    let mut groups: Vec<Group> = clause_rows
        .iter()
        .filter(|r| r.kind == ClauseKind::Clause)
        .map(|r| Group {
            id: r.id,
            title: r.title,
            part: Part::Clauses,
        })
        .collect();
    let mut objectives = Vec::new();
    for f in rows("iso42001-annex-a-objectives.tsv", src.objectives, 2)? {
        // Categories are A.n; objectives inside a category are A.n.m.
        if f[0].matches('.').count() == 1 {
            groups.push(Group {
                id: f[0],
                title: f[1],
                part: Part::AnnexA,
            });
        } else {
            let category = f[0].rsplit_once('.').map(|(c, _)| c).unwrap_or(f[0]);
            objectives.push(Objective {
                id: f[0],
                title: f[1],
                category,
            });
        }
    }

    let mut doc_info = Vec::new();
    for f in rows("iso42001-documented-information.tsv", src.doc_info, 3)? {
        let doc_type = match f[2] {
            "document" => DocType::Document,
            "record" => DocType::Record,
            other => {
                return Err(CatalogError::Syntax {
                    file: "iso42001-documented-information.tsv",
                    line: 0,
                    msg: format!("unknown type {other}"),
                })
            }
        };
        doc_info.push(DocInfo {
            clause: f[0],
            title: f[1],
            doc_type,
        });
    }

    let crosswalk = rows("crosswalk-nist-ai-rmf.tsv", src.crosswalk, 3)?
        .into_iter()
        .map(|f| Mapping {
            iso_id: f[0],
            nist: f[1],
            note: f[2],
        })
        .collect();

    let mut blocks = Vec::new();
    for text in src.guidance {
        parse_guidance(text, &mut blocks)?;
    }
    let mut take = |id: &'static str| -> Result<Block, CatalogError> {
        let pos = blocks
            .iter()
            .position(|(k, _)| *k == id)
            .ok_or_else(|| CatalogError::MissingGuidance(id.to_string()))?;
        Ok(blocks.swap_remove(pos).1)
    };

    let mut items = Vec::new();
    for row in clause_rows
        .iter()
        .filter(|r| r.kind == ClauseKind::Requirement)
    {
        let group = row.id.split('.').next().unwrap_or(row.id);
        let parent = row
            .id
            .rsplit_once('.')
            .map(|(p, _)| p)
            .filter(|p| *p != group && clause_rows.iter().any(|r| r.id == *p));
        let block = take(row.id)?;
        items.push(Item {
            id: row.id,
            title: row.title,
            part: Part::Clauses,
            group,
            parent,
            doc_required: doc_info.iter().any(|d: &DocInfo| d.clause == row.id),
            guidance: block.guidance,
        });
    }
    for f in rows("iso42001-annex-a.tsv", src.controls, 3)? {
        let (id, category, title) = (f[0], f[1], f[2]);
        let parent = objectives
            .iter()
            .find(|o| id.starts_with(o.id) && id[o.id.len()..].starts_with('.'))
            .map(|o| o.id);
        let block = take(id)?;
        items.push(Item {
            id,
            title,
            part: Part::AnnexA,
            group: category,
            parent,
            doc_required: block.doc.unwrap_or(false),
            guidance: block.guidance,
        });
    }
    if let Some((id, _)) = blocks.first() {
        return Err(CatalogError::UnknownId(id.to_string()));
    }

    Ok(Catalog {
        version: CATALOG_VERSION,
        clause_rows,
        groups,
        objectives,
        items,
        doc_info,
        crosswalk,
    })
}
