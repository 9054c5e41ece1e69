//! What reading a PDF's pages will cost, worked out from its structure before the reader runs.
//!
//! The raw scan of [`super::pdf_streams`] bounds what each stream unpacks to once, but the
//! reader unpacks and parses a stream again every time it is used: every page that names a
//! content stream (or names it twice in its `/Contents`), and every `Do` that draws a form
//! (an XObject), which may itself draw forms. A few kilobytes can so ask for gigabytes of
//! parsing (a form drawn a million times, or ten forms each drawing the next ten times), and
//! a form that draws itself sends the reader into endless recursion, a stack overflow that
//! no `catch_unwind` can catch. The reader also parses each content stream into objects
//! worth a few hundred bytes per token, so a small stream of tiny operators costs far more
//! memory than its size.
//!
//! This module walks the pages as the reader will, decodes each stream once (memoised),
//! counts its tokens and the forms it draws with a small lexer (nothing is kept), and
//! refuses the file when: the bytes parsed over all pages, repeats counted, pass the byte
//! budget; the memory of the deepest chain of streams parsed at once passes the memory
//! budget; a form draws itself; or forms nest deeper than [`MAX_DEPTH`].

use std::collections::HashMap;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::pdf_lexer::Scanned;

/// How deep forms may nest (a form drawing a form drawing ...); real files stay under ten.
pub const MAX_DEPTH: usize = 32;

/// What the reader's parse of a content stream holds per token (an operand or an operator),
/// measured: 500 KB of `0 0 m` (250,000 tokens) took 54 MB over the binary's baseline.
const TOKEN_BYTES: u64 = 224;

/// Why the PDF is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The pages, repeats counted, would have the reader parse more than `budget` bytes.
    #[error("its pages draw their content over and over, more than {budget} bytes of it (the limit is ten times the file's size, half a megabyte at least, or --max-bytes if smaller)")]
    Parses {
        /// The budget that was passed.
        budget: u64,
    },
    /// Parsing the largest page (with the forms it draws) would take more than `budget`
    /// bytes of memory.
    #[error("reading its largest page would take more than {budget} bytes of memory (the limit is twenty times the file's size, and at least 16 MiB or --max-bytes, whichever is smaller)")]
    Memory {
        /// The budget that was passed.
        budget: u64,
    },
    /// A form draws itself, directly or through other forms.
    #[error("a form on its pages draws itself, which would never end")]
    Cycle,
    /// Forms nest deeper than [`MAX_DEPTH`].
    #[error("forms on its pages are nested more than {MAX_DEPTH} deep")]
    TooDeep,
    /// Loading the file would build an object tree of more than `budget` bytes: a file made
    /// of little but small objects (page dictionaries by the ten thousand).
    #[error("loading its objects would take more than {budget} bytes of memory (the limit is twenty times the file's size, and at least 16 MiB or --max-bytes, whichever is smaller)")]
    Objects {
        /// The budget that was passed.
        budget: u64,
    },
    /// Looking up what a page inherits (its resources, its size) climbs a page tree whose
    /// parents loop: the reader would climb forever.
    #[error("its page tree loops back on itself")]
    TreeLoop,
}

/// The two budgets a PDF's pages are checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Bytes of content the reader may parse over all pages, repeats counted.
    pub parsed: u64,
    /// Memory the parse of one page, with the forms it draws, may take.
    pub memory: u64,
}

/// How many times its size a PDF's largest page may take in memory to read (with
/// [`MEMORY_FLOOR`]).
const MEMORY_RATIO: u64 = 20;

/// What reading a page may always take, however small the file.
const MEMORY_FLOOR: u64 = 16 << 20;

impl Budget {
    /// The budgets of a file of `file_len` bytes under the limit `limit` (`--max-bytes`):
    /// `parsed` is the raw scan's budget, so a stream drawn many times is held to what it
    /// could unpack to once; `memory` is twenty times the file, and never less than 16 MiB
    /// or the limit, whichever is smaller: however small the file, reading it stays under
    /// the limit given, or under twenty times its size.
    pub fn for_file(file_len: u64, limit: u64) -> Budget {
        Budget {
            parsed: super::pdf_streams::budget(file_len, limit),
            memory: file_len
                .saturating_mul(MEMORY_RATIO)
                .max(limit.min(MEMORY_FLOOR)),
        }
    }
}

/// What the reader's object tree takes per byte of object text it loads, measured: 3.2 MB
/// of page dictionaries (20,000 pages) took 70 MB over the binary's baseline.
const OBJECT_BYTES: u64 = 24;

/// Checks, before the reader loads the file, that an object tree built from `objects` bytes
/// of object text (as [`super::pdf_streams::check`] counts them) fits the memory budget.
pub fn check_objects(objects: u64, budget: Budget) -> Result<(), Refusal> {
    if objects.saturating_mul(OBJECT_BYTES) > budget.memory {
        return Err(Refusal::Objects {
            budget: budget.memory,
        });
    }
    Ok(())
}

/// Checks `doc`'s pages against `budget` (see the module's documentation).
pub fn check(doc: &Document, budget: Budget) -> Result<(), Refusal> {
    let mut walk = Walk {
        doc,
        budget,
        streams: HashMap::new(),
        forms: HashMap::new(),
        open: Vec::new(),
        parsed: 0,
    };
    for page in doc.get_pages().into_values() {
        walk.page(page)?;
    }
    Ok(())
}

/// The cost of drawing one form, with everything it draws.
#[derive(Debug, Clone, Copy)]
struct FormCost {
    parsed: u64,
    peak: u64,
}

struct Walk<'d> {
    doc: &'d Document,
    budget: Budget,
    streams: HashMap<ObjectId, std::rc::Rc<Scanned>>,
    /// Forms already costed, by the form and the resources its names resolve in.
    forms: HashMap<(ObjectId, usize), FormCost>,
    /// The forms being costed, outermost first: a form met again among them draws itself.
    open: Vec<ObjectId>,
    parsed: u64,
}

impl<'d> Walk<'d> {
    fn page(&mut self, page: ObjectId) -> Result<(), Refusal> {
        self.inherits(page, b"Resources", Object::as_dict)?;
        self.inherits(page, b"MediaBox", Object::as_array)?;
        let mut own = Scanned::default();
        let mut draws: HashMap<Vec<u8>, u64> = HashMap::new();
        for id in self.doc.get_page_contents(page) {
            let scanned = self.scanned(id);
            own.bytes = own.bytes.saturating_add(scanned.bytes + 1);
            own.tokens = own.tokens.saturating_add(scanned.tokens);
            for (name, n) in &scanned.draws {
                *draws.entry(name.clone()).or_default() += n;
            }
        }
        own.draws = draws.into_iter().collect();
        let resources = self.page_resources(page);
        let cost = self.drawing(&own, resources)?;
        self.parsed = self.parsed.saturating_add(cost.parsed);
        self.within_parse_budget(self.parsed)
    }

    fn within_parse_budget(&self, parsed: u64) -> Result<(), Refusal> {
        if parsed > self.budget.parsed {
            return Err(Refusal::Parses {
                budget: self.budget.parsed,
            });
        }
        Ok(())
    }

    /// Climbs from `page` through its parents until one holds `key` (as `is` reads it) or
    /// the tree ends, as the reader looks an inherited entry up; a parent met twice is a loop.
    fn inherits<T>(
        &self,
        page: ObjectId,
        key: &[u8],
        is: impl Fn(&'d Object) -> Result<T, pdf_extract::Error>,
    ) -> Result<(), Refusal> {
        let mut seen = std::collections::HashSet::new();
        let mut id = page;
        while seen.insert(id) {
            let Ok(node) = self.doc.get_dictionary(id) else {
                return Ok(());
            };
            if node
                .get(key)
                .ok()
                .and_then(|o| self.deref(o))
                .is_some_and(|o| is(o).is_ok())
            {
                return Ok(());
            }
            match node.get(b"Parent").and_then(Object::as_reference) {
                Ok(parent) => id = parent,
                Err(_) => return Ok(()),
            }
        }
        Err(Refusal::TreeLoop)
    }

    /// The cost of parsing `own` and everything it draws through `resources`.
    fn drawing(
        &mut self,
        own: &Scanned,
        resources: Option<&'d Dictionary>,
    ) -> Result<FormCost, Refusal> {
        let mut cost = FormCost {
            parsed: own.bytes,
            peak: 0,
        };
        for (name, times) in &own.draws {
            self.within_parse_budget(cost.parsed)?;
            let Some((id, form)) = resources.and_then(|r| self.xobject(r, name)) else {
                continue;
            };
            let inner = self.form(id, form, resources)?;
            cost.parsed = cost
                .parsed
                .saturating_add(inner.parsed.saturating_mul(*times));
            cost.peak = cost.peak.max(inner.peak);
        }
        self.within_parse_budget(cost.parsed)?;
        // The reader keeps the decoded bytes, the copy it parses and the parsed tokens of
        // a stream while it draws what the stream names.
        let own_memory = own
            .bytes
            .saturating_mul(2)
            .saturating_add(own.tokens.saturating_mul(TOKEN_BYTES));
        cost.peak = cost.peak.saturating_add(own_memory);
        if cost.peak > self.budget.memory {
            return Err(Refusal::Memory {
                budget: self.budget.memory,
            });
        }
        Ok(cost)
    }

    /// The cost of drawing the form `id` once, its names resolving in its own resources or,
    /// as the reader does, in those of whoever draws it.
    fn form(
        &mut self,
        id: ObjectId,
        form: &'d pdf_extract::Stream,
        outer: Option<&'d Dictionary>,
    ) -> Result<FormCost, Refusal> {
        let resources = self.resources_of(&form.dict).or(outer);
        let key = (id, resources.map_or(0, |r| r as *const Dictionary as usize));
        if let Some(cost) = self.forms.get(&key) {
            return Ok(*cost);
        }
        if self.open.contains(&id) {
            return Err(Refusal::Cycle);
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(Refusal::TooDeep);
        }
        self.open.push(id);
        let scanned = self.scanned(id);
        let cost = self.drawing(&scanned, resources);
        self.open.pop();
        let cost = cost?;
        self.forms.insert(key, cost);
        Ok(cost)
    }

    /// The stream `id`, decoded as the reader decodes it, scanned once.
    fn scanned(&mut self, id: ObjectId) -> std::rc::Rc<Scanned> {
        if let Some(s) = self.streams.get(&id) {
            return s.clone();
        }
        let scanned = match self.doc.get_object(id).and_then(Object::as_stream) {
            Ok(stream) => {
                let data = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                super::pdf_lexer::scan(&data)
            }
            Err(_) => Scanned::default(),
        };
        let scanned = std::rc::Rc::new(scanned);
        self.streams.insert(id, scanned.clone());
        scanned
    }

    /// The XObject `name` of `resources`, when it is a stream.
    fn xobject(
        &self,
        resources: &'d Dictionary,
        name: &[u8],
    ) -> Option<(ObjectId, &'d pdf_extract::Stream)> {
        let xobjects = self
            .deref(resources.get(b"XObject").ok()?)?
            .as_dict()
            .ok()?;
        let id = xobjects.get(name).ok()?.as_reference().ok()?;
        let stream = self.doc.get_object(id).ok()?.as_stream().ok()?;
        Some((id, stream))
    }

    fn resources_of(&self, dict: &'d Dictionary) -> Option<&'d Dictionary> {
        self.deref(dict.get(b"Resources").ok()?)?.as_dict().ok()
    }

    /// A page's resources, inherited from the page tree as the reader looks them up.
    fn page_resources(&self, page: ObjectId) -> Option<&'d Dictionary> {
        let mut node = self.doc.get_dictionary(page).ok()?;
        for _ in 0..MAX_DEPTH {
            if let Some(found) = self.resources_of(node) {
                return Some(found);
            }
            let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
            node = self.doc.get_dictionary(parent).ok()?;
        }
        None
    }

    fn deref(&self, object: &'d Object) -> Option<&'d Object> {
        match object {
            Object::Reference(id) => self.doc.get_object(*id).ok(),
            other => Some(other),
        }
    }
}
