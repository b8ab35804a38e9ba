//! Benchmark inputs made in memory from the sample articles in assets/articles, repeated to a
//! size (the same recipe as benches/make-inputs.sh), so nothing large is committed.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use folio::article::Article;

/// English Markdown and Chinese plain text, by name: `en-10k`, `en-1m`, `zh-10m`...
pub const NAMES: [&str; 4] = ["en-1m", "en-10m", "zh-1m", "zh-10m"];

const ENGLISH: [&str; 3] = [
    "terminal-notes.md",
    "on-walking-slowly.txt",
    "harbour-ferries-web-dump.txt",
];
const CHINESE: [&str; 2] = ["竹林的经济学.txt", "深圳的开源社区-mixed.txt"];

/// The raw bytes of input `name`, cut at a line break near its size.
pub fn bytes(name: &str) -> Vec<u8> {
    let (language, size) = name.split_once('-').unwrap_or((name, "1m"));
    let files: &[&str] = if language == "zh" { &CHINESE } else { &ENGLISH };
    let size = match size {
        "10k" => 10 << 10,
        "1m" => 1 << 20,
        _ => 10 << 20,
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut round = Vec::new();
    for file in files {
        let text =
            std::fs::read(dir.join(file)).expect("the sample articles are in assets/articles");
        round.extend_from_slice(&text);
        round.extend_from_slice(b"\n\n");
    }
    let mut out = Vec::with_capacity(size + round.len());
    while out.len() < size {
        out.extend_from_slice(&round);
    }
    out.truncate(size);
    let cut = out.iter().rposition(|&b| b == b'\n').unwrap_or(out.len());
    out.truncate(cut);
    out
}

/// The file name the input would have (its extension decides the format).
pub fn file_name(name: &str) -> String {
    if name.starts_with("zh") {
        format!("{name}.txt")
    } else {
        format!("{name}.md")
    }
}

/// Input `name` loaded, once per run.
pub fn article(name: &str) -> Arc<Article> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Article>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().expect("no bench panicked holding the cache");
    let article = cache.entry(name.to_string()).or_insert_with(|| {
        let file = file_name(name);
        Arc::new(Article::from_bytes(&bytes(name), Some(Path::new(&file))).expect("input loads"))
    });
    Arc::clone(article)
}
