//! The `unscrape._unscrape` extension module: the cleaning pipeline and the HTML article
//! extractor for Python. The Python package (`python/unscrape/`) wraps it; its docstrings
//! and type stubs are the user-facing documentation.
//!
//! ```text
//! >>> import unscrape
//! >>> unscrape.clean("China’sChina’s close relations with Russiaand  Beijing")
//! "China's close relations with Russia and Beijing"
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use rayon::prelude::*;
use serde_json::{Map, Value};
use unscrape::{Config, Pipeline, PipelineStats, Trace, decode, html, jsonl};

/// The pipeline for a set of options (the CLI's and `unscrape.toml`'s, as JSON), built once
/// per distinct set: building one compiles the phrase lists.
fn pipeline_for(options_json: &str) -> PyResult<Arc<Pipeline>> {
    static BUILT: OnceLock<Mutex<HashMap<String, Arc<Pipeline>>>> = OnceLock::new();
    let built = BUILT.get_or_init(Default::default);
    if let Some(pipeline) = built.lock().expect("never poisoned").get(options_json) {
        return Ok(Arc::clone(pipeline));
    }
    let config: Config = serde_json::from_str(options_json)
        .map_err(|error| PyValueError::new_err(format!("bad option: {error}")))?;
    let pipeline = Arc::new(
        config
            .pipeline()
            .map_err(|error| PyValueError::new_err(error.to_string()))?,
    );
    built
        .lock()
        .expect("never poisoned")
        .insert(options_json.to_string(), Arc::clone(&pipeline));
    Ok(pipeline)
}

/// An HTML page as text: a `str` as it is, `bytes` decoded by their BOM, `<meta charset>`
/// or detection, as the CLI decodes pages.
#[derive(FromPyObject)]
enum Page {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Page {
    fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Page::Text(text) => std::borrow::Cow::Borrowed(text),
            Page::Bytes(bytes) => decode::decode_html(bytes, None).text,
        }
    }
}

/// A page's article cleaned, with its metadata, as the CLI writes it for an HTML page: a
/// JSON object with `url` (when given, also evidence of the page's type), the metadata
/// found (`page_type` among it) and `text`.
fn clean_page(pipeline: &Pipeline, page: &Page, url: Option<&str>) -> String {
    let (article, _) = html::article_at(&page.text(), url, false);
    let mut fields = Map::new();
    if let Some(url) = url {
        fields.insert("url".into(), url.into());
    }
    jsonl::add_metadata(&mut fields, &article.metadata);
    let text = pipeline.clean_traced_as(&article.text, article.origin(), &mut Trace::off());
    fields.insert("text".into(), text.into());
    Value::Object(fields).to_string()
}

/// A cleaner with fixed options. Use `unscrape.Cleaner`, which takes them as keywords.
#[pyclass(frozen, module = "unscrape._unscrape")]
struct Cleaner {
    pipeline: Arc<Pipeline>,
}

#[pymethods]
impl Cleaner {
    #[new]
    fn new(options_json: &str) -> PyResult<Self> {
        Ok(Cleaner {
            pipeline: pipeline_for(options_json)?,
        })
    }

    /// One text, cleaned.
    fn clean(&self, py: Python<'_>, text: PyBackedStr) -> String {
        py.detach(|| self.pipeline.clean(&text))
    }

    /// Many texts, cleaned on every core, in order.
    fn clean_batch(&self, py: Python<'_>, texts: Vec<PyBackedStr>) -> Vec<String> {
        py.detach(|| {
            texts
                .par_iter()
                .map(|text| self.pipeline.clean(text))
                .collect()
        })
    }

    /// Many texts cleaned, and what each stage did to them: `(texts, stats)` where stats
    /// maps each stage to `{"documents_changed": n, "edits": {rule: n}}`.
    fn clean_batch_with_stats(
        &self,
        py: Python<'_>,
        texts: Vec<PyBackedStr>,
    ) -> (Vec<String>, String) {
        py.detach(|| {
            let pipeline = &*self.pipeline;
            let (cleaned, stats): (Vec<String>, Vec<PipelineStats>) = texts
                .par_iter()
                .map(|text| {
                    let mut stats = PipelineStats::new(pipeline);
                    let cleaned = pipeline.clean_measured(text, &mut stats, true);
                    (cleaned, stats)
                })
                .unzip();
            let mut total = PipelineStats::new(pipeline);
            stats.iter().for_each(|stats| total.merge(stats));
            let by_stage: Map<String, Value> = total
                .stages
                .iter()
                .map(|stage| {
                    let edits: Map<String, Value> = stage
                        .edits
                        .iter()
                        .map(|(rule, count)| (rule.to_string(), (*count).into()))
                        .collect();
                    let counts = serde_json::json!({
                        "documents_changed": stage.documents_changed,
                        "edits": edits,
                    });
                    (stage.stage.to_string(), counts)
                })
                .collect();
            (cleaned, Value::Object(by_stage).to_string())
        })
    }

    /// One HTML page's article, cleaned, with its metadata, as JSON.
    #[pyo3(signature = (page, url=None))]
    fn clean_html(&self, py: Python<'_>, page: Page, url: Option<&str>) -> String {
        py.detach(|| clean_page(&self.pipeline, &page, url))
    }

    /// Many HTML pages, on every core, in order, each as [`Cleaner::clean_html`].
    #[pyo3(signature = (pages, urls=None))]
    fn clean_html_batch(
        &self,
        py: Python<'_>,
        pages: Vec<Page>,
        urls: Option<Vec<Option<PyBackedStr>>>,
    ) -> PyResult<Vec<String>> {
        if let Some(urls) = &urls
            && urls.len() != pages.len()
        {
            return Err(PyValueError::new_err(format!(
                "{} pages but {} urls: give one url (or None) a page",
                pages.len(),
                urls.len()
            )));
        }
        Ok(py.detach(|| {
            pages
                .par_iter()
                .enumerate()
                .map(|(i, page)| {
                    let url = urls.as_ref().and_then(|urls| urls[i].as_deref());
                    clean_page(&self.pipeline, page, url)
                })
                .collect()
        }))
    }

    /// The names of the stages this cleaner runs, in order.
    fn stages(&self) -> Vec<&'static str> {
        self.pipeline.stages().map(|stage| stage.name()).collect()
    }
}

#[pymodule]
fn _unscrape(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Cleaner>()?;
    module.add("STAGES", unscrape::STAGE_ORDER.to_vec())?;
    Ok(())
}
