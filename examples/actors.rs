//! Debugging aid: print the actors the entity stage finds, per sentence.
//! `cargo run --release --example actors -- FILE`
use analyze::normalize::Normalizer;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(&path).unwrap();
    let nz = Normalizer::matching();
    let st = analyze::document::structure(&text, nz);
    let nt = nz.normalize(&text);
    let regions: Vec<(usize, usize)> = st
        .content()
        .iter()
        .map(|s| {
            let a = nt.origin.partition_point(|&o| (o as usize) < s.start);
            let b = nt.origin.partition_point(|&o| (o as usize) < s.end);
            (a, b)
        })
        .collect();
    let mut toks = analyze::tokenize::tokenize(&nt, &regions);
    // as the engine does: على written with its alef maqsura is no name
    let orig: Vec<char> = text.chars().collect();
    for t in toks.tokens.iter_mut() {
        if let Some(&c) = orig.get(nt.origin[t.end - 1] as usize) {
            t.written_last = c;
        }
    }
    let stream = analyze::gazetteer::Stream::new(&toks.tokens);
    let r = analyze::entities::Recognizer::new(analyze::lexicon::Lexicon::builtin());
    let ann = analyze::entities::recognize(&r, &toks.tokens, &stream);
    for (si, s) in toks.sentences.iter().enumerate() {
        println!("-- sentence {si}");
        for a in ann
            .actors
            .iter()
            .filter(|a| a.first >= s.first && a.last <= s.last)
        {
            let words: Vec<&str> = (a.first..=a.last)
                .map(|i| toks.tokens[i].text.as_str())
                .collect();
            println!(
                "  [{}..{}] {:?} {:?} person={:?} prefix={} {}",
                a.first,
                a.last,
                a.kind,
                a.country,
                a.person.map(|p| &ann.people[p].name),
                a.prefix,
                words.join(" ")
            );
        }
    }
}
