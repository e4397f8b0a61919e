//! Method and privacy: how scores and predictions are computed, what is stored where.

use leptos::prelude::*;

use super::settings::EraseAll;
use crate::catalog::{CATALOG_VERSION, CROSSWALK_PROVENANCE};
use crate::domain::{Maturity, Rule, METHOD, VERDICT_RULE};

/// The about / method page.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <section class="page narrow about">
            <h1>"Method and privacy"</h1>
            <p class="lede">"gap42 is a self-assessment aid for ISO/IEC 42001:2023. It helps you see how far your AI management system is from a certification audit. It is not a certification and does not replace an accredited certification body's audit."</p>

            <h2 id="scale">"Maturity scale"</h2>
            <table class="plain">
                <thead><tr><th scope="col">"Level"</th><th scope="col">"Name"</th><th scope="col">"Meaning"</th><th scope="col">"Item readiness"</th></tr></thead>
                <tbody>
                    {Maturity::ALL.into_iter().map(|m| view! {
                        <tr><td>{m.level()}</td><td>{m.label()}</td><td>{m.meaning()}</td>
                        <td>{format!("{}%", (m.level().min(4) as u32) * 25)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>

            <h2 id="scoring">"Readiness score"</h2>
            <p data-testid="method">{METHOD}</p>
            <p class="formula"><code>"readiness = Σ min(level, 4) / 4  ÷  number of applicable items"</code></p>

            <h2 id="findings">"Predicted audit findings"</h2>
            <p>"Findings use the ISO/IEC 17021-1 sense: a major nonconformity puts the system's ability to achieve its intended results in doubt; a minor one does not; an observation is an opportunity to improve."</p>
            <ul>
                {Rule::ALL.into_iter().map(|r| view! { <li><strong>{r.code()}</strong>" — "{r.text()}</li> }).collect_view()}
            </ul>
            <p><strong>"Verdict. "</strong>{VERDICT_RULE}</p>

            <h2 id="privacy">"Privacy: what is stored where"</h2>
            <ul>
                <li><strong>"Assessments and snapshots"</strong>" live in this browser's IndexedDB (database “gap42”), on this device only."</li>
                <li><strong>"Preferences"</strong>" (theme, last opened assessment, collapsed groups) live in localStorage; an unsaved edit is also kept there for a moment when the page closes, so it cannot be lost."</li>
                <li><strong>"The app's own files"</strong>" are kept in this browser's cache storage so that gap42 opens without a network; they hold none of your data."</li>
                <li><strong>"Nothing is sent anywhere."</strong>" gap42 has no server, no account, no analytics, and loads no fonts, scripts or images from other sites. A Content-Security-Policy lets the page talk to its own origin only."</li>
                <li>"Files you export and links you share contain your data: share links carry it inside the part after “#”, which browsers never send to a server."</li>
                <li>"To erase everything, use the button below (or clear this site's data in your browser settings)."</li>
            </ul>
            <EraseAll />

            <h2 id="sources">"Sources"</h2>
            <p>"Clause and control ids and titles follow ISO/IEC 42001:2023 (Table A.1 for Annex A). The standard's text is copyrighted: every description, evidence expectation and interview question in gap42 is written in its own words. Catalog version "{CATALOG_VERSION}"."</p>
            <p class="small">{CROSSWALK_PROVENANCE}</p>
        </section>
    }
}
