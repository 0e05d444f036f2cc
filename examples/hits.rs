//! Debugging aid: print the lexicon hits over a text. `cargo run --release --example hits -- FILE`
use analyze::normalize::Normalizer;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let nz = Normalizer::matching();
    let nt = nz.normalize(&text);
    let toks = analyze::tokenize::tokenize(&nt, &[(0, nt.chars.len())]);
    let stream = analyze::gazetteer::Stream::new(&toks.tokens);
    let r = analyze::entities::Recognizer::new(analyze::lexicon::Lexicon::builtin());
    for h in r.gaz.find_all(&stream) {
        println!(
            "[{}..{}] prefix={} form={} targets={:?}",
            h.first, h.last, h.prefix, h.form, h.targets
        );
    }
}
