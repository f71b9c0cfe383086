//! Past one machine: shard the articles, extract each shard on its own
//! (as separate machines would), merge the claim files, and get exactly the
//! graph that building from all the articles at once gives, in any order.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_actorgraph");

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN).args(args).output().expect("actorgraph runs")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn articles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

#[test]
fn merging_shards_equals_building_all_at_once() {
    let d = tempfile::tempdir().unwrap();
    let all = articles();
    assert!(all.len() >= 3, "the sample corpus has articles");
    // two shards of different sizes, extracted separately
    let mut shard_claims = Vec::new();
    for (i, shard) in [&all[..2], &all[2..]].iter().enumerate() {
        let dir = d.path().join(format!("shard{i}"));
        std::fs::create_dir(&dir).unwrap();
        for a in shard.iter() {
            std::fs::copy(a, dir.join(a.file_name().unwrap())).unwrap();
        }
        let out = d.path().join(format!("shard{i}.jsonl"));
        let o = run(&["extract", s(&dir), "-o", s(&out)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(std::fs::metadata(&out).unwrap().len() > 0, "shard {i} gave claims");
        shard_claims.push(out);
    }
    let built = d.path().join("built");
    let o = run(&["build", concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles"), "--out", s(&built), "--no-svg", "--include-negated"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // shards in both orders: the merge is order-free, so any batch runner may feed it
    for (name, order) in [("ab", [0usize, 1]), ("ba", [1, 0])] {
        let merged = d.path().join(name);
        let o = run(&["merge", s(&shard_claims[order[0]]), s(&shard_claims[order[1]]), "--out", s(&merged), "--no-svg", "--include-negated"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for f in ["graph.graphml", "graph.gexf", "graph.dot", "graph.html"] {
            assert_eq!(
                std::fs::read(merged.join(f)).unwrap(),
                std::fs::read(built.join(f)).unwrap(),
                "{f}: the merge of the shards ({name}) differs from the build of all articles"
            );
        }
    }
}
