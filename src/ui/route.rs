//! Hash routes (`#/a/<id>/clauses`). Hash routing keeps the whole app one static file set: it works
//! at a domain root or under any sub-path, on any static host, with no server rewrite rules, and
//! a deep link or reload never asks the server for a path it does not have.

use crate::catalog::Part;

/// A page of one assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Overview,
    Clauses,
    AnnexA,
    Findings,
    Soa,
    Plan,
    Snapshots,
    Report,
}

impl Page {
    pub const ALL: [Page; 8] = [
        Page::Overview,
        Page::Clauses,
        Page::AnnexA,
        Page::Findings,
        Page::Soa,
        Page::Plan,
        Page::Snapshots,
        Page::Report,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Page::Overview => "overview",
            Page::Clauses => "clauses",
            Page::AnnexA => "annex-a",
            Page::Findings => "findings",
            Page::Soa => "soa",
            Page::Plan => "plan",
            Page::Snapshots => "snapshots",
            Page::Report => "report",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Page::Overview => "Dashboard",
            Page::Clauses => "Clauses 4–10",
            Page::AnnexA => "Annex A",
            Page::Findings => "Predicted findings",
            Page::Soa => "Statement of Applicability",
            Page::Plan => "Action plan",
            Page::Snapshots => "Snapshots",
            Page::Report => "Report",
        }
    }

    fn from_slug(s: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.slug() == s)
    }
}

/// Every place in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    About,
    Settings,
    /// Read-only browsing of the standard's structure and our guidance.
    Catalog(Part),
    Assessment(String, Page),
    /// A share link: the payload travels in the fragment, never to a server.
    Share(String),
    NotFound(String),
}

impl Route {
    /// Parse `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#');
        let h = h.strip_prefix('/').unwrap_or(h);
        let mut parts = h.splitn(3, '/');
        match (parts.next().unwrap_or(""), parts.next(), parts.next()) {
            ("", None, None) => Route::Home,
            ("about", None, None) => Route::About,
            ("settings", None, None) => Route::Settings,
            ("catalog", None, None) | ("catalog", Some("clauses"), None) => {
                Route::Catalog(Part::Clauses)
            }
            ("catalog", Some("annex-a"), None) => Route::Catalog(Part::AnnexA),
            ("a", Some(id), page) if !id.is_empty() => {
                match page
                    .map(|p| Page::from_slug(p.split(':').next().unwrap_or(p)))
                    .unwrap_or(Some(Page::Overview))
                {
                    Some(p) => Route::Assessment(id.to_string(), p),
                    None => Route::NotFound(hash.to_string()),
                }
            }
            ("share", Some(payload), None) if !payload.is_empty() => {
                Route::Share(payload.to_string())
            }
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The `href` of this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::About => "#/about".into(),
            Route::Settings => "#/settings".into(),
            Route::Catalog(Part::Clauses) => "#/catalog/clauses".into(),
            Route::Catalog(Part::AnnexA) => "#/catalog/annex-a".into(),
            Route::Assessment(id, p) => format!("#/a/{id}/{}", p.slug()),
            Route::Share(payload) => format!("#/share/{payload}"),
            Route::NotFound(h) => format!("#{h}"),
        }
    }
}

/// Link to one page of an assessment.
pub fn page_href(id: &str, page: Page) -> String {
    Route::Assessment(id.to_string(), page).href()
}

/// Link to one item inside the editor: `#/a/<id>/annex-a:A.6.2.4`.
pub fn item_href(id: &str, item: &str) -> String {
    let page = if item.starts_with("A.") {
        Page::AnnexA
    } else {
        Page::Clauses
    };
    format!("{}:{item}", page_href(id, page))
}

/// The item named after `:` in an editor link, if any.
pub fn focused_item(hash: &str) -> Option<String> {
    let (_, item) = hash.rsplit_once(':')?;
    (!item.is_empty() && !item.contains('/')).then(|| item.to_string())
}
