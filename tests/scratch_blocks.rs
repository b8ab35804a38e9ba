use folio::article::Article;
use std::path::Path;
#[test]
fn show() {
    let Some(f) = std::env::var_os("F") else {
        return;
    };
    let bytes = std::fs::read(&f).unwrap();
    let a = Article::from_bytes(&bytes, Some(Path::new("x.txt"))).unwrap();
    let from: usize = std::env::var("FROM")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    for i in from..(from + n).min(a.blocks.len()) {
        let t: String = a.block_text(i).chars().take(110).collect();
        println!("{i:4} {:?} | {}", a.blocks[i].kind, t.replace('\n', " / "));
    }
}
