//! The command line: clap types (whose doc comments are the help text) and
//! their conversion into a ready [`crate::run::Config`]. Nothing past this
//! module sees clap.

use crate::doctext::TextJob;
use crate::formats::{FieldNames, InputFormat};
use crate::input::FileFilter;
use crate::model::EventKind;
use crate::output::Format;
use crate::render::Table;
use crate::run::{Config, FailOn, Job, MapperConfig, NormalizeJob};
use crate::select::{parse_date, Only, Selection};
use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  analyze seeds/                                  analyze every article in seeds/ (JSON)
  analyze --format ndjson corpus/ > out.ndjson    one document per line, streamed
  analyze seeds/ | jq '.documents[].events[] | {type, source, target}'
  analyze -f text seeds/ | less -R                a readable summary per article
  analyze -f html -o report.html seeds/           one self-contained HTML report
  analyze -f csv --table people --bom seeds/ > people.csv   for spreadsheets
  analyze -f dot seeds/ | dot -Tsvg > net.svg     interactions between countries, people
  analyze --only events --event-type visit --country IQ --since 2019-01 seeds/
  analyze --fail-on unreadable,no-events corpus/  exit 3 in CI when a condition holds
  analyze --schema > analyze.schema.json          the JSON Schema of the output
  analyze completions bash > /etc/bash_completion.d/analyze
  analyze man > analyze.1
  analyze --explain seeds/000_5c1ebc6c5eba7174.txt
  cat article.txt | analyze -                     one article from standard input
  analyze normalize --profile clean article.txt   print the cleaned text
  analyze page.html                               a saved web page: its article is analyzed
  analyze text page.html                          the article text the offsets count in
  analyze -f ndjson -j 2 corpus.tar.gz            every <DOC> of every member, in order
  analyze --text-field body export.jsonl          JSON Lines records
  analyze map < records.jsonl                     mapper: one output line per input line

Exit codes: 0 all inputs analyzed; 1 some inputs or records could not be read,
decoded or parsed (they are reported on stderr and in the output's errors);
2 usage error; 3 a --fail-on condition holds (before 1); 130 interrupted
(SIGINT, SIGTERM or SIGHUP: the -o file is not written, its temporary file is
removed). `analyze map` exits 0 when only records failed.";

/// Analyze Arabic news articles: people, countries, places, organizations and
/// diplomatic events, as JSON.
#[derive(Debug, Parser)]
#[command(name = "analyze", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files, directories or archives to analyze (directories are walked
    /// recursively, in sorted order; .gz, .zip, .tar and .tar.gz are read
    /// directly); `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<std::path::PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,

    /// Write the output to FILE (atomically: a failed run leaves no partial file).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,

    /// Pretty-print JSON (the default when writing to a terminal).
    #[arg(long, conflicts_with = "compact")]
    pub pretty: bool,

    /// Compact JSON (the default when writing to a file or a pipe).
    #[arg(long)]
    pub compact: bool,

    /// Input encoding, instead of detecting it (utf-8, utf-16le, utf-16be,
    /// windows-1256, iso-8859-6, ...).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// How files are cut into documents: auto (by extension, then content:
    /// .jsonl/.ndjson, .json, .xml/.sgml or a file opening with <DOC are
    /// records, .html/.htm or a file opening with <!DOCTYPE html or <html is
    /// a web page, anything else is one article), text, html, jsonl, json,
    /// trec.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,

    #[command(flatten)]
    pub fields: FieldArgs,

    /// Extensions of the files read inside directories and archives,
    /// comma-separated (default: txt, files without extension, web pages
    /// html, htm, xhtml, and the corpus formats json, jsonl, ndjson, xml,
    /// sgml, sgm, trec, gz, tgz, tar, zip; with --input text only txt and no
    /// extension, with --input html only web pages, files without extension
    /// and archives; "" means no extension).
    #[arg(long, value_name = "EXTS", conflicts_with = "all_files")]
    pub ext: Option<String>,

    /// Read every file inside directories, whatever its extension.
    #[arg(long)]
    pub all_files: bool,

    /// Add a lexicon file (TSV; see src/data/README.md) on top of the
    /// built-in ones; may be repeated. Entries with a built-in name replace it.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<String>,

    /// Say which rule or lexicon entry produced each mention and event, and
    /// why ambiguous words were rejected.
    #[arg(long)]
    pub explain: bool,

    /// Worker threads (default: all cores). The output is the same for any N.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Refuse documents larger than this many bytes (0: no limit).
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: usize,

    /// Do not print per-file errors or progress on stderr (errors stay in
    /// the output). Progress is shown only when stderr is a terminal.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// With --format ndjson: end with one {"kind":"corpus"} line holding the
    /// cross-document stories and the interaction summary.
    #[arg(long)]
    pub corpus_summary: bool,

    /// With --format csv: the table to print (one row per item).
    #[arg(long, value_enum, default_value_t = TableArg::Events)]
    pub table: TableArg,

    /// With --format csv: start with a UTF-8 byte order mark, so that
    /// spreadsheet programs read the Arabic right.
    #[arg(long)]
    pub bom: bool,

    /// Colours in --format text: auto (only when standard output is a
    /// terminal and NO_COLOR is not set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,

    /// Keep only these parts of each document (comma-separated): people,
    /// countries, places, organizations, events, paragraphs, boilerplate.
    /// The metadata (file, id, headline, date...) is always kept.
    #[arg(long, value_name = "PARTS")]
    pub only: Option<String>,

    /// Keep the events with a party (source, target, envoy, location) in
    /// one of these countries (ISO codes, comma-separated or repeated), and
    /// the documents that mention one of them.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    pub country: Vec<String>,

    /// Keep the events of these types (visit, meeting, call, message,
    /// invitation, talks, summit, congratulation, condolence, praise,
    /// agreement), and the documents that report one.
    #[arg(long, value_name = "TYPE", value_delimiter = ',')]
    pub event_type: Vec<String>,

    /// Keep documents and events dated on or after DATE (YYYY-MM-DD,
    /// YYYY-MM or YYYY); an event's date is its own, else its document's.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Keep documents and events dated on or before DATE (YYYY-MM-DD,
    /// YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Exit with code 3 when one of these conditions holds (comma-separated):
    /// unreadable (an input or record could not be read), no-documents,
    /// no-events (after the filters), events (any event: an alert).
    #[arg(long, value_enum, value_name = "CONDITIONS", value_delimiter = ',')]
    pub fail_on: Vec<FailOnArg>,

    /// Print the JSON Schema of the output (of one line with --format
    /// ndjson) and exit.
    #[arg(long)]
    pub schema: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableArg {
    People,
    Countries,
    Places,
    Organizations,
    Events,
    /// Every mention of a person, country, place or organization.
    Mentions,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOnArg {
    /// An input or record could not be read, decoded or parsed.
    Unreadable,
    /// No document was analyzed (or all were filtered out).
    NoDocuments,
    /// No event was found (after the filters).
    NoEvents,
    /// At least one event was found (after the filters).
    Events,
}

/// JSON field names of records (JSON Lines and JSON arrays).
#[derive(Debug, Clone, Default, Args)]
pub struct FieldArgs {
    /// Field holding the article text (default: text, content, body, article).
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// Field holding the title (default: title, headline).
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// Field holding the publication date (default: date, published,
    /// publish_date, date_published, date_extracted).
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Field holding the record id (default: id, url, doc_id; else file#n).
    #[arg(long, value_name = "NAME")]
    pub id_field: Option<String>,
    /// Field holding the outlet or author (default: source, author, site).
    #[arg(long, value_name = "NAME")]
    pub source_field: Option<String>,
    /// Field holding the article as an HTML page, tried before the text
    /// field (a text field whose value opens with page or paragraph markup
    /// is read as HTML without it).
    #[arg(long, value_name = "NAME")]
    pub html_field: Option<String>,
}

impl FieldArgs {
    fn names(self) -> FieldNames {
        let mut f = FieldNames::with(
            self.text_field,
            self.title_field,
            self.date_field,
            self.id_field,
            self.source_field,
        );
        f.html = self.html_field.into_iter().collect();
        f
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputArg {
    /// By extension, then by content.
    Auto,
    /// One article per file.
    Text,
    /// One web page per file: its article is extracted.
    Html,
    /// One JSON record per line.
    Jsonl,
    /// A JSON array of records (or a stream of JSON objects).
    Json,
    /// TREC/SGML <DOC> blocks (Arabic Gigaword, ANT).
    Trec,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// One JSON object: {"schema_version", "documents", "errors", "stories", "summary"}.
    Json,
    /// One JSON object per line, streamed as documents finish.
    Ndjson,
    /// One CSV table (--table), RFC 4180, UTF-8 (--bom for spreadsheets).
    Csv,
    /// Graphviz DOT: interactions between countries and between people.
    Dot,
    /// GraphML: the same network, for Gephi, yEd, networkx.
    Graphml,
    /// One self-contained HTML report: summary, graph, timeline, articles.
    Html,
    /// A compact summary per article for reading in a terminal.
    Text,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Mapper mode for Hadoop Streaming, Spark RDD.pipe, GNU parallel: JSON
    /// Lines records on standard input, exactly one NDJSON line out per line
    /// in, same order, flushed per line; a bad line gives a
    /// {"kind":"error","line":N} record. Exits 0 unless output fails.
    Map {
        #[command(flatten)]
        fields: FieldArgs,
        /// Worker threads (default: all cores).
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<usize>,
        /// Add a lexicon file on top of the built-in ones; may be repeated.
        #[arg(long, value_name = "FILE")]
        lexicon: Vec<String>,
        /// Say which rule or lexicon entry produced each mention and event.
        #[arg(long)]
        explain: bool,
        /// Refuse records larger than this many bytes (0: no limit).
        #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
        max_bytes: usize,
        /// Do not print per-line errors on stderr (they stay in the output).
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `analyze man > analyze.1`.
    Man,
    /// Print the text of each document: the text that every start/end offset
    /// of the analysis counts in. For a web page, the extracted article (the
    /// headline, then one line per paragraph); for a JSON record, its text
    /// field; for a TREC <DOC>, its TEXT without markup; for a plain article,
    /// the decoded file. Several documents are each headed by a line
    /// `==> ID <==`.
    Text {
        /// Files, directories or archives (`-` for standard input).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<std::path::PathBuf>,
        /// How files are cut into documents (as for the analysis).
        #[arg(long, value_enum, default_value_t = InputArg::Auto)]
        input: InputArg,
        #[command(flatten)]
        fields: FieldArgs,
        /// Input encoding, instead of detecting it.
        #[arg(long, value_name = "LABEL")]
        encoding: Option<String>,
        /// Refuse documents larger than this many bytes (0: no limit).
        #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
        max_bytes: usize,
    },
    /// Print the normalized text of files (like CAMeL Tools' camel_arclean).
    Normalize {
        /// Files to normalize (`-` for standard input).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<String>,
        /// Step profile: clean (readable) or match (what lexicon matching sees).
        #[arg(long, default_value = "clean")]
        profile: String,
        /// Explicit comma-separated steps instead of a profile
        /// (nfkc, controls, tatweel, diacritics, alef, hamza-seats, alef-maqsura,
        /// taa-marbuta, persian, digits, punctuation, lowercase).
        #[arg(long, value_name = "STEPS")]
        steps: Option<String>,
        /// Input encoding, instead of detecting it.
        #[arg(long, value_name = "LABEL")]
        encoding: Option<String>,
    },
}

impl Cli {
    /// Validate and turn the raw flags into a ready configuration.
    pub fn into_job(self, stdout_is_terminal: bool) -> Result<Job, String> {
        use clap::CommandFactory;
        if let Some(Command::Completions { shell }) = self.command {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "analyze", &mut buf);
            return Ok(Job::Print(buf));
        }
        if let Some(Command::Man) = self.command {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut buf)
                .map_err(|e| e.to_string())?;
            return Ok(Job::Print(buf));
        }
        if self.schema {
            return Ok(Job::Print(
                match self.format {
                    FormatArg::Ndjson => crate::schema::ndjson_line(),
                    _ => crate::schema::json(),
                }
                .into_bytes(),
            ));
        }
        if let Some(Command::Map {
            fields,
            jobs,
            lexicon,
            explain,
            max_bytes,
            quiet,
        }) = self.command
        {
            if jobs == Some(0) {
                return Err("--jobs must be at least 1".into());
            }
            return Ok(Job::Map(MapperConfig {
                encoding: None,
                lexicons: lexicon,
                explain,
                jobs,
                max_bytes,
                quiet,
                fields: fields.names(),
            }));
        }
        if let Some(Command::Normalize {
            files,
            profile,
            steps,
            encoding,
        }) = self.command
        {
            let names: Vec<String> = match steps {
                Some(s) => s
                    .split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect(),
                None => crate::normalize::Profile::parse(&profile)
                    .ok_or_else(|| format!("unknown profile '{profile}' (clean, match)"))?
                    .step_names()
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            };
            let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
            crate::normalize::Normalizer::from_names(&refs)?;
            return Ok(Job::Normalize(NormalizeJob {
                files,
                steps: names,
                encoding: parse_encoding(encoding.as_deref())?,
            }));
        }
        if let Some(Command::Text {
            paths,
            input,
            fields,
            encoding,
            max_bytes,
        }) = self.command
        {
            let input = input_format(input);
            return Ok(Job::Text(TextJob {
                filter: default_filter(input),
                paths,
                input,
                fields: fields.names(),
                encoding: parse_encoding(encoding.as_deref())?,
                max_bytes,
            }));
        }
        if self.paths.is_empty() {
            return Err("no input: give files or directories to analyze, or - for standard input (see --help)".into());
        }
        let input = input_format(self.input);
        let filter = if self.all_files {
            FileFilter::All
        } else if let Some(e) = &self.ext {
            FileFilter::Extensions(
                e.split(',')
                    .map(|x| x.trim().trim_start_matches('.').to_ascii_lowercase())
                    .collect(),
            )
        } else {
            default_filter(input)
        };
        if self.jobs == Some(0) {
            return Err("--jobs must be at least 1".into());
        }
        let format = match self.format {
            FormatArg::Json => Format::Json,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Csv => Format::Csv,
            FormatArg::Dot => Format::Dot,
            FormatArg::Graphml => Format::Graphml,
            FormatArg::Html => Format::Html,
            FormatArg::Text => Format::Text,
        };
        let select = self.selection()?;
        let color = match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                stdout_is_terminal
                    && self.output.as_deref().is_none_or(|o| o.as_os_str() == "-")
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        let render = crate::render::Options {
            table: match self.table {
                TableArg::People => Table::People,
                TableArg::Countries => Table::Countries,
                TableArg::Places => Table::Places,
                TableArg::Organizations => Table::Organizations,
                TableArg::Events => Table::Events,
                TableArg::Mentions => Table::Mentions,
            },
            bom: self.bom,
            color,
        };
        let fail_on = self
            .fail_on
            .iter()
            .map(|f| match f {
                FailOnArg::Unreadable => FailOn::Unreadable,
                FailOnArg::NoDocuments => FailOn::NoDocuments,
                FailOnArg::NoEvents => FailOn::NoEvents,
                FailOnArg::Events => FailOn::Events,
            })
            .collect();
        let pretty = if self.pretty {
            true
        } else if self.compact {
            false
        } else {
            self.output.is_none() && stdout_is_terminal
        };
        Ok(Job::Analyze(Config {
            paths: self.paths,
            filter,
            format,
            output: self.output,
            pretty,
            encoding: parse_encoding(self.encoding.as_deref())?,
            lexicons: self.lexicon,
            explain: self.explain,
            jobs: self.jobs,
            max_bytes: self.max_bytes,
            quiet: self.quiet,
            corpus_line: self.corpus_summary,
            input,
            fields: self.fields.names(),
            select,
            render,
            fail_on,
        }))
    }

    /// `--only`, `--country`, `--event-type`, `--since`, `--until`.
    fn selection(&self) -> Result<Selection, String> {
        let only = match &self.only {
            Some(o) => Only::parse(o)?,
            None => Only::ALL,
        };
        let event_types = self
            .event_type
            .iter()
            .map(|t| {
                EventKind::parse(t.trim()).ok_or_else(|| {
                    format!(
                        "--event-type: unknown type '{t}' (expected {})",
                        EventKind::ALL.map(|k| k.name()).join(", ")
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let countries = self
            .country
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        let since = self
            .since
            .as_deref()
            .map(|d| parse_date(d, false).map_err(|e| format!("--since: {e}")))
            .transpose()?;
        let until = self
            .until
            .as_deref()
            .map(|d| parse_date(d, true).map_err(|e| format!("--until: {e}")))
            .transpose()?;
        Ok(Selection {
            only,
            countries,
            event_types,
            since,
            until,
        })
    }
}

fn input_format(input: InputArg) -> InputFormat {
    match input {
        InputArg::Auto => InputFormat::Auto,
        InputArg::Text => InputFormat::Text,
        InputArg::Html => InputFormat::Html,
        InputArg::Jsonl => InputFormat::Jsonl,
        InputArg::Json => InputFormat::Json,
        InputArg::Trec => InputFormat::Trec,
    }
}

/// The files taken inside directories and archives when `--ext` and
/// `--all-files` are not given.
fn default_filter(input: InputFormat) -> FileFilter {
    match input {
        InputFormat::Text => FileFilter::TextLike,
        InputFormat::Html => FileFilter::HtmlLike,
        _ => FileFilter::CorpusLike,
    }
}

fn parse_encoding(label: Option<&str>) -> Result<Option<&'static encoding_rs::Encoding>, String> {
    label
        .map(|l| crate::decode::encoding_for_label(l).map_err(|e| e.to_string()))
        .transpose()
}
