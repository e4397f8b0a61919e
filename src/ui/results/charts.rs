//! SVG charts drawn by our own components: a radar of clauses 4–10, horizontal bars of the
//! Annex A categories and the mix of maturity levels. Each chart is an image with a title and a
//! description that reads every figure, and sits next to a table or legend with the same
//! numbers, so nothing depends on seeing the picture (or its colours).

use std::f64::consts::PI;

use leptos::prelude::*;

use super::{count_text, short_title};
use crate::domain::{GroupScore, Maturity, Readiness, Scores};

/// "38%" or "not assessed".
fn pct(p: Option<u32>) -> String {
    super::super::components::percent_text(p)
}

/// One group's figures as a sentence, for chart descriptions.
fn group_sentence(g: &GroupScore) -> String {
    let r = &g.readiness;
    if r.applicable == 0 {
        return format!(
            "{} {}: not applicable (all controls excluded)",
            g.group, g.title
        );
    }
    format!(
        "{} {}: readiness {}, target {}, {} of {} assessed",
        g.group,
        g.title,
        pct(r.percent()),
        pct(r.target_percent()),
        r.assessed,
        r.applicable
    )
}

/// Readiness of clauses 4–10 on seven axes (0% at the centre, 100% at the rim), with the target
/// drawn as a dashed outline. A clause with nothing assessed gets no point: its axis is labelled
/// "not assessed" instead of being drawn at 0%.
#[component]
pub fn ClauseRadar(
    /// The seven clause groups, in order 4–10.
    groups: Vec<GroupScore>,
    /// Prefix for the element ids (unique per page).
    id: &'static str,
) -> impl IntoView {
    const W: f64 = 540.0;
    const H: f64 = 390.0;
    const CX: f64 = 270.0;
    const CY: f64 = 200.0;
    const R: f64 = 138.0;
    let n = groups.len().max(1);
    let angle = move |i: usize| -PI / 2.0 + (i as f64) * 2.0 * PI / (n as f64);
    let point = move |i: usize, share: f64| {
        let a = angle(i);
        (CX + R * share * a.cos(), CY + R * share * a.sin())
    };
    let poly = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };

    let rings = [0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|s| {
            let pts: Vec<_> = (0..n).map(|i| point(i, s)).collect();
            view! { <polygon class="grid" points=poly(&pts) /> }
        })
        .collect_view();
    let ring_labels = [0.5, 1.0]
        .into_iter()
        .map(|s| {
            // Between the first two axes, where no data point sits.
            let a = angle(0) + PI / (n as f64);
            let r = R * s * (PI / n as f64).cos();
            let (x, y) = (CX + r * a.cos(), CY + r * a.sin());
            view! { <text class="tick" x=format!("{:.1}", x + 3.0) y=format!("{:.1}", y - 2.0)>{format!("{}%", (s * 100.0) as u32)}</text> }
        })
        .collect_view();
    let axes = (0..n)
        .map(|i| {
            let (x, y) = point(i, 1.0);
            view! { <line class="axis" x1=CX.to_string() y1=CY.to_string() x2=format!("{x:.1}") y2=format!("{y:.1}") /> }
        })
        .collect_view();

    let values: Vec<Option<f64>> = groups.iter().map(|g| g.readiness.value()).collect();
    let targets: Vec<f64> = groups
        .iter()
        .map(|g| g.readiness.target().unwrap_or(0.0))
        .collect();
    let target_pts: Vec<_> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| point(i, *t))
        .collect();
    let target_shape = view! { <polygon class="target" points=poly(&target_pts) /> };

    // Readiness: a filled shape when every clause is assessed; otherwise the segments between
    // neighbouring assessed clauses and a dot on each assessed axis.
    let all_assessed = values.iter().all(Option::is_some);
    let value_pts: Vec<Option<(f64, f64)>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| v.map(|v| point(i, v)))
        .collect();
    let shape = if all_assessed {
        let pts: Vec<_> = value_pts.iter().flatten().copied().collect();
        view! { <polygon class="value" points=poly(&pts) /> }.into_any()
    } else {
        (0..n)
            .filter_map(|i| {
                let a = value_pts[i]?;
                let b = value_pts[(i + 1) % n]?;
                if n < 2 || (i + 1) % n == i {
                    return None;
                }
                Some(view! { <line class="value-line" x1=format!("{:.1}", a.0) y1=format!("{:.1}", a.1) x2=format!("{:.1}", b.0) y2=format!("{:.1}", b.1) /> })
            })
            .collect_view()
            .into_any()
    };
    let dots = value_pts
        .iter()
        .flatten()
        .map(|(x, y)| view! { <circle class="dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" /> })
        .collect_view();

    let labels = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let a = angle(i);
            let (x, y) = (CX + (R + 18.0) * a.cos(), CY + (R + 18.0) * a.sin());
            let anchor = if a.cos() > 0.2 {
                "start"
            } else if a.cos() < -0.2 {
                "end"
            } else {
                "middle"
            };
            // Labels above the centre grow upwards, below it downwards.
            let (y1, y2) = if a.sin() < -0.5 {
                (y - 16.0, y - 2.0)
            } else if a.sin() > 0.5 {
                (y + 10.0, y + 24.0)
            } else {
                (y - 3.0, y + 11.0)
            };
            let value = g.readiness.percent();
            view! {
                <text class="label" x=format!("{x:.1}") y=format!("{y1:.1}") text-anchor=anchor>
                    {format!("{} {}", g.group, short_title(g.group, g.title))}
                </text>
                <text class=if value.is_some() { "value-label" } else { "value-label na" } x=format!("{x:.1}") y=format!("{y2:.1}") text-anchor=anchor>
                    {pct(value)}
                </text>
            }
        })
        .collect_view();

    let desc = format!(
        "Readiness of clauses 4 to 10 against target. {}.",
        groups
            .iter()
            .map(group_sentence)
            .collect::<Vec<_>>()
            .join("; ")
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <svg class="chart radar" viewBox=format!("0 0 {W} {H}") role="img"
            aria-labelledby=labelledby preserveAspectRatio="xMidYMid meet">
            <title id=title_id>"Readiness by clause (radar chart)"</title>
            <desc id=desc_id>{desc}</desc>
            <g aria-hidden="true">
                {rings}
                {axes}
                {ring_labels}
                {target_shape}
                {shape}
                {dots}
                {labels}
            </g>
        </svg>
    }
}

/// Readiness of the nine Annex A categories as horizontal bars, with the target as a tick.
/// A category with nothing assessed has no bar and reads "not assessed".
#[component]
pub fn CategoryBars(
    /// The Annex A category groups, in order A.2–A.10.
    groups: Vec<GroupScore>,
    /// Prefix for the element ids (unique per page).
    id: &'static str,
) -> impl IntoView {
    const LEFT: f64 = 52.0;
    const BAR_W: f64 = 330.0;
    const ROW: f64 = 30.0;
    const TOP: f64 = 8.0;
    let height = TOP + ROW * groups.len() as f64 + 26.0;
    let width = LEFT + BAR_W + 96.0;
    let x_of = move |share: f64| LEFT + BAR_W * share;

    let grid = [0.0, 0.25, 0.5, 0.75, 1.0]
        .into_iter()
        .map(|s| {
            let x = x_of(s);
            let bottom = TOP + ROW * groups.len() as f64;
            view! {
                <line class="grid" x1=format!("{x:.1}") y1=TOP.to_string() x2=format!("{x:.1}") y2=format!("{bottom:.1}") />
                <text class="tick" x=format!("{x:.1}") y=format!("{:.1}", bottom + 16.0) text-anchor="middle">{format!("{}%", (s * 100.0) as u32)}</text>
            }
        })
        .collect_view();

    let rows = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let y = TOP + ROW * i as f64;
            let r = g.readiness;
            let bar = r.value().map(|v| {
                view! { <rect class="bar" x=LEFT.to_string() y=format!("{:.1}", y + 7.0) width=format!("{:.1}", BAR_W * v) height="16" rx="2" /> }
            });
            let tick = r.target().filter(|_| r.applicable > 0).map(|t| {
                let x = x_of(t);
                view! { <line class="target-tick" x1=format!("{x:.1}") y1=format!("{:.1}", y + 3.0) x2=format!("{x:.1}") y2=format!("{:.1}", y + 27.0) /> }
            });
            let text = if r.applicable == 0 {
                "excluded".to_string()
            } else {
                pct(r.percent())
            };
            view! {
                <text class="label" x=format!("{:.1}", LEFT - 8.0) y=format!("{:.1}", y + 20.0) text-anchor="end">{g.group}</text>
                {bar}
                {tick}
                <text class=if r.percent().is_some() { "value-label" } else { "value-label na" } x=format!("{:.1}", LEFT + BAR_W + 8.0) y=format!("{:.1}", y + 20.0)>{text}</text>
            }
        })
        .collect_view();

    let desc = format!(
        "Readiness of the Annex A categories against target. {}.",
        groups
            .iter()
            .map(group_sentence)
            .collect::<Vec<_>>()
            .join("; ")
    );
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <svg class="chart bars" viewBox=format!("0 0 {width:.0} {height:.0}") role="img"
            aria-labelledby=labelledby preserveAspectRatio="xMidYMid meet">
            <title id=title_id>"Readiness by Annex A category (bar chart)"</title>
            <desc id=desc_id>{desc}</desc>
            <g aria-hidden="true">
                {grid}
                {rows}
            </g>
        </svg>
    }
}

/// Label of one slice of the maturity mix.
fn mix_label(level: Option<Maturity>) -> String {
    match level {
        Some(m) => format!("{} {}", m.level(), m.label()),
        None => "Not assessed".to_string(),
    }
}

/// The mix of maturity levels over the applicable items: one stacked bar and its legend with
/// the count and share of each level, "not assessed" included.
#[component]
pub fn LevelMix(
    /// Applicable items at each level 0–5.
    levels: [usize; 6],
    /// Applicable items not yet assessed.
    not_assessed: usize,
    /// Prefix for the element ids (unique per page).
    id: &'static str,
) -> impl IntoView {
    const W: f64 = 520.0;
    let total: usize = levels.iter().sum::<usize>() + not_assessed;
    let slices: Vec<(Option<Maturity>, usize, &'static str)> = Maturity::ALL
        .into_iter()
        .map(|m| {
            (
                Some(m),
                levels[usize::from(m.level())],
                ["l0", "l1", "l2", "l3", "l4", "l5"][usize::from(m.level())],
            )
        })
        .chain(std::iter::once((None, not_assessed, "lna")))
        .collect();
    let share = move |n: usize| {
        if total == 0 {
            0.0
        } else {
            n as f64 / total as f64
        }
    };
    let share_text = move |n: usize| format!("{}%", (share(n) * 100.0).round() as u32);

    let mut x = 0.0;
    let rects = slices
        .iter()
        .filter(|(_, n, _)| *n > 0)
        .map(|(_, n, class)| {
            let w = W * share(*n);
            let view = view! { <rect class=format!("seg {class}") x=format!("{x:.2}") y="0" width=format!("{w:.2}") height="26" /> };
            x += w;
            view
        })
        .collect_view();

    let desc = format!(
        "{} applicable items: {}.",
        total,
        slices
            .iter()
            .map(|(m, n, _)| format!("{}: {} ({})", mix_label(*m), n, share_text(*n)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let legend = slices
        .iter()
        .map(|(m, n, class)| {
            let m = *m;
            let n = *n;
            view! {
                <li data-level=m.map(|m| m.level().to_string()).unwrap_or_else(|| "na".into())>
                    <span class=format!("swatch {class}") aria-hidden="true"></span>
                    <span class="legend-label">{mix_label(m)}</span>
                    <strong class="legend-count">{n}</strong>
                    <span class="muted">{share_text(n)}</span>
                </li>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelledby = format!("{title_id} {desc_id}");
    view! {
        <div class="level-mix">
            <svg class="chart mix" viewBox=format!("0 0 {W} 26") role="img" preserveAspectRatio="none"
                aria-labelledby=labelledby>
                <title id=title_id>"Mix of maturity levels (stacked bar)"</title>
                <desc id=desc_id>{desc}</desc>
                <g aria-hidden="true">{rects}</g>
            </svg>
            <ul class="legend" aria-label="Applicable items by maturity level">{legend}</ul>
            <p class="muted small">{format!("Out of {}.", count_text(total, "applicable item", "applicable items"))}</p>
        </div>
    }
}

/// The numbers behind a chart: each group's readiness, target and coverage.
#[component]
pub fn GroupTable(
    /// Groups to list, in order.
    groups: Vec<GroupScore>,
    /// Table caption.
    caption: &'static str,
    /// A `data-testid` prefix for the readiness cells (`{prefix}-{group}`).
    testid: &'static str,
) -> impl IntoView {
    let rows = groups
        .into_iter()
        .map(|g| {
            let r = g.readiness;
            let readiness = if r.applicable == 0 {
                "excluded".to_string()
            } else {
                pct(r.percent())
            };
            view! {
                <tr>
                    <th scope="row"><span class="gid">{g.group}</span>" "{g.title}</th>
                    <td class="num" class:na=r.percent().is_none() data-testid=format!("{testid}-{}", g.group)>{readiness}</td>
                    <td class="num">{pct(r.target_percent())}</td>
                    <td class="num">{format!("{} of {}", r.assessed, r.applicable)}{(r.excluded > 0).then(|| format!(" ({} excluded)", r.excluded))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0"><table class="data figures">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">"Group"</th><th scope="col" class="num">"Readiness"</th><th scope="col" class="num">"Target"</th><th scope="col" class="num">"Assessed"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
}

/// A readiness figure against its target: "38% (target 75%)".
pub fn against_target(r: &Readiness) -> String {
    match (r.percent(), r.target_percent()) {
        (Some(p), Some(t)) => format!("{p}% against a target of {t}%"),
        (None, Some(t)) => format!("not assessed (target {t}%)"),
        (p, None) => pct(p),
    }
}

/// All three charts with their tables: clauses, Annex A, maturity mix.
#[component]
pub fn ChartsBlock(
    /// The scores to draw.
    scores: Scores,
    /// Prefix for element ids and test ids (unique per page).
    id: &'static str,
    /// Whether to include the maturity-level mix.
    #[prop(default = true)]
    with_mix: bool,
) -> impl IntoView {
    use crate::catalog::Part;
    let clauses: Vec<GroupScore> = scores
        .groups
        .iter()
        .filter(|g| g.part == Part::Clauses)
        .cloned()
        .collect();
    let annex: Vec<GroupScore> = scores
        .groups
        .iter()
        .filter(|g| g.part == Part::AnnexA)
        .cloned()
        .collect();
    let radar_id = if id == "dash" {
        "dash-radar"
    } else {
        "rep-radar"
    };
    let bars_id = if id == "dash" {
        "dash-bars"
    } else {
        "rep-bars"
    };
    let mix_id = if id == "dash" { "dash-mix" } else { "rep-mix" };
    let clause_tid = if id == "dash" {
        "dash-group"
    } else {
        "rep-group"
    };
    view! {
        <div class="charts">
            <section class="card chart-card" aria-labelledby=format!("{id}-chart-clauses-h")>
                <h2 id=format!("{id}-chart-clauses-h")>"Clauses 4–10"</h2>
                <p class="muted small">{format!("Management-system requirements: {}.", against_target(&scores.clauses))}" Dashed outline: target."</p>
                <div class="chart-pair">
                    <ClauseRadar groups=clauses.clone() id=radar_id />
                    <GroupTable groups=clauses caption="Readiness by clause" testid=clause_tid />
                </div>
            </section>
            <section class="card chart-card" aria-labelledby=format!("{id}-chart-annex-h")>
                <h2 id=format!("{id}-chart-annex-h")>"Annex A controls"</h2>
                <p class="muted small">{format!("Reference controls: {}.", against_target(&scores.annex_a))}" Vertical tick: target."</p>
                <div class="chart-pair">
                    <CategoryBars groups=annex.clone() id=bars_id />
                    <GroupTable groups=annex caption="Readiness by Annex A category" testid=clause_tid />
                </div>
            </section>
            {with_mix.then(|| view! {
                <section class="card chart-card mix-card" aria-labelledby=format!("{id}-chart-mix-h")>
                    <h2 id=format!("{id}-chart-mix-h")>"Maturity levels"</h2>
                    <LevelMix levels=scores.levels not_assessed=scores.not_assessed id=mix_id />
                </section>
            })}
        </div>
    }
}
