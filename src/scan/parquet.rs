//! Reading (and writing) an archive as a Parquet file: columns `id`, `text` and optionally
//! `date`, `url`, `title`, one entry a row, as Spark and pandas write them.
//!
//! Built only with the cargo feature `parquet` (the `parquet` crate, without its Arrow
//! layer: it is read row by row through the crate's record reader), so the default build
//! stays as small as it was. Rows are read one row group at a time, so memory holds one
//! group whatever the file's size. An entry's [`Entry::at`] is its row number, which
//! [`read_row`] finds again by skipping whole row groups.
//!
//! A row goes through the same checks as a JSON line ([`super::entry::entry_of_fields`]):
//! `id` a string or a whole number, `text` a string, `date` a `YYYY-MM-DD` string, a date or
//! a timestamp (its day, in UTC), `url` and `title` strings; other columns are left unread.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::reader::RowIter;
use parquet::record::{Field, Row};
use parquet::schema::types::Type;

use super::dates::DayNumber;
use super::entry::{entry_of_fields, ArchiveError, Entry, Fields};

/// The columns read; any others are not.
const COLUMNS: [&str; 5] = ["id", "text", "date", "url", "title"];

/// Why a Parquet archive could not be read, as the archive's error.
fn error(path: &Path, row: Option<u64>, message: impl std::fmt::Display) -> ArchiveError {
    ArchiveError::Parquet {
        path: path.to_path_buf(),
        row,
        message: message.to_string(),
    }
}

/// The file's schema cut to the columns read, or why the file is no archive.
fn projection(reader: &SerializedFileReader<File>, path: &Path) -> Result<Type, ArchiveError> {
    let schema = reader.metadata().file_metadata().schema();
    let fields: Vec<Arc<Type>> = schema
        .get_fields()
        .iter()
        .filter(|field| COLUMNS.contains(&field.name()))
        .cloned()
        .collect();
    for needed in ["id", "text"] {
        if !fields.iter().any(|field| field.name() == needed) {
            return Err(error(path, None, format!("no column \"{needed}\"")));
        }
    }
    Type::group_type_builder(schema.name())
        .with_fields(fields)
        .build()
        .map_err(|e| error(path, None, e))
}

fn open_file(path: &Path) -> Result<SerializedFileReader<File>, ArchiveError> {
    let file = File::open(path).map_err(|source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    SerializedFileReader::new(file).map_err(|e| error(path, None, e))
}

/// The entries of the Parquet archive at `path`, read lazily in order.
pub fn open(
    path: &Path,
) -> Result<Box<dyn Iterator<Item = Result<Entry, ArchiveError>> + Send>, ArchiveError> {
    let reader = open_file(path)?;
    let projection = projection(&reader, path)?;
    let rows = RowIter::from_file_into(Box::new(reader))
        .project(Some(projection))
        .map_err(|e| error(path, None, e))?;
    let path = path.to_path_buf();
    Ok(Box::new(rows.enumerate().map(move |(number, row)| {
        let number = number as u64;
        let row = row.map_err(|e| error(&path, Some(number), e))?;
        entry_of_row(&row, number).map_err(|message| error(&path, Some(number), message))
    })))
}

/// The entry in row `number` (from 0) of the Parquet archive at `path`, read from its row
/// group alone.
pub fn read_row(path: &Path, number: u64) -> Result<Entry, ArchiveError> {
    let reader = open_file(path)?;
    let projection = projection(&reader, path)?;
    let mut first = 0u64;
    for group in 0..reader.num_row_groups() {
        let rows = u64::try_from(reader.metadata().row_group(group).num_rows()).unwrap_or(0);
        if number < first + rows {
            let group = reader
                .get_row_group(group)
                .map_err(|e| error(path, Some(number), e))?;
            let skip = usize::try_from(number - first).unwrap_or(usize::MAX);
            let row = RowIter::from_row_group(Some(projection), group.as_ref())
                .map_err(|e| error(path, Some(number), e))?
                .nth(skip)
                .ok_or_else(|| error(path, Some(number), "no such row"))?
                .map_err(|e| error(path, Some(number), e))?;
            return entry_of_row(&row, number).map_err(|m| error(path, Some(number), m));
        }
        first += rows;
    }
    Err(error(path, Some(number), "no such row"))
}

/// One row as an entry; the message says which column is wrong.
fn entry_of_row(row: &Row, number: u64) -> Result<Entry, String> {
    let mut fields = Fields::default();
    for (name, field) in row.get_column_iter() {
        match name.as_str() {
            "id" => fields.id = id_of(field)?,
            "text" => fields.text = text_of(field, "text")?,
            "date" => fields.date = date_of(field)?,
            "url" => fields.url = text_of(field, "url")?,
            "title" => fields.title = text_of(field, "title")?,
            _ => {}
        }
    }
    let entry = entry_of_fields(fields)?;
    Ok(Entry {
        at: Some(number),
        ..entry
    })
}

fn id_of(field: &Field) -> Result<Option<String>, String> {
    Ok(Some(match field {
        Field::Null => return Ok(None),
        Field::Str(id) => id.clone(),
        Field::Byte(n) => n.to_string(),
        Field::Short(n) => n.to_string(),
        Field::Int(n) => n.to_string(),
        Field::Long(n) => n.to_string(),
        Field::UByte(n) => n.to_string(),
        Field::UShort(n) => n.to_string(),
        Field::UInt(n) => n.to_string(),
        Field::ULong(n) => n.to_string(),
        other => return Err(format!("\"id\" must be a string or a number, not {other}")),
    }))
}

fn text_of(field: &Field, column: &str) -> Result<Option<String>, String> {
    match field {
        Field::Null => Ok(None),
        Field::Str(text) => Ok(Some(text.clone())),
        other => Err(format!("\"{column}\" must be a string, not {other}")),
    }
}

/// A date column: a `YYYY-MM-DD` string as in JSON, or Parquet's own date or timestamp.
fn date_of(field: &Field) -> Result<Option<String>, String> {
    const MS_A_DAY: i64 = 86_400_000;
    let day = match field {
        Field::Null => return Ok(None),
        Field::Str(date) => return Ok(Some(date.clone())),
        Field::Date(days) => i64::from(*days),
        Field::TimestampMillis(ms) => ms.div_euclid(MS_A_DAY),
        Field::TimestampMicros(us) => us.div_euclid(MS_A_DAY * 1000),
        other => return Err(format!("\"date\" must be a date or a string, not {other}")),
    };
    DayNumber(day)
        .to_ymd()
        .map(Some)
        .ok_or_else(|| format!("\"date\" {field} is not a calendar day"))
}

/// Writes `entries` as a Parquet archive (string columns `id`, `text`, `date`, `url`,
/// `title`; Snappy-compressed, `rows_per_group` rows a row group): the form Spark and pandas
/// write, for tests and for turning a JSON Lines archive into Parquet.
pub fn write(path: &Path, entries: &[Entry], rows_per_group: usize) -> parquet::errors::Result<()> {
    use parquet::basic::Compression;
    use parquet::data_type::{ByteArray, ByteArrayType};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    let schema = parse_message_type(
        "message archive {
            REQUIRED BYTE_ARRAY id (UTF8);
            REQUIRED BYTE_ARRAY text (UTF8);
            OPTIONAL BYTE_ARRAY date (UTF8);
            OPTIONAL BYTE_ARRAY url (UTF8);
            OPTIONAL BYTE_ARRAY title (UTF8);
        }",
    )?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let file = File::create(path)?;
    let mut writer = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(properties))?;
    for group in entries.chunks(rows_per_group.max(1)) {
        let mut rows = writer.next_row_group()?;
        let columns: [fn(&Entry) -> Option<&str>; 5] = [
            |e| Some(e.id.as_str()),
            |e| Some(e.text.as_str()),
            |e| e.date.as_deref(),
            |e| e.url.as_deref(),
            |e| e.title.as_deref(),
        ];
        for (number, column) in columns.iter().enumerate() {
            let values: Vec<ByteArray> = group
                .iter()
                .filter_map(column)
                .map(|value| ByteArray::from(value.as_bytes().to_vec()))
                .collect();
            let levels: Vec<i16> = group
                .iter()
                .map(|e| i16::from(column(e).is_some()))
                .collect();
            let mut writer = rows.next_column()?.ok_or_else(|| {
                parquet::errors::ParquetError::General("a column is missing".into())
            })?;
            let levels = (number >= 2).then_some(levels.as_slice());
            writer
                .typed::<ByteArrayType>()
                .write_batch(&values, levels, None)?;
            writer.close()?;
        }
        rows.close()?;
    }
    writer.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, text: &str, date: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            text: text.into(),
            date: date.map(Into::into),
            url: None,
            title: Some(format!("Headline {id}")),
            at: None,
        }
    }

    #[test]
    fn rows_read_back_as_entries_and_one_row_is_found_again_by_its_number() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("archive.parquet");
        let entries: Vec<Entry> = (0..25)
            .map(|n| {
                let date = (n % 2 == 0).then_some("2024-03-10");
                entry(
                    &format!("a{n}"),
                    &format!("The council met {n} times."),
                    date,
                )
            })
            .collect();
        write(&path, &entries, 10).expect("written");
        let read: Vec<Entry> = open(&path)
            .expect("opens")
            .collect::<Result<_, _>>()
            .expect("every row reads");
        assert_eq!(read.len(), 25);
        for (number, (read, written)) in read.iter().zip(&entries).enumerate() {
            let at = Some(number as u64);
            assert_eq!(
                read,
                &Entry {
                    at,
                    ..written.clone()
                }
            );
        }
        // Row 23 lies in the third row group.
        let again = read_row(&path, 23).expect("found");
        assert_eq!(again.text, "The council met 23 times.");
        assert!(read_row(&path, 25).is_err());
    }

    #[test]
    fn a_file_without_a_text_column_or_with_a_bad_date_is_named() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("archive.parquet");
        write(&path, &[entry("a", "Text.", Some("last May"))], 10).expect("written");
        let message = open(&path)
            .expect("opens")
            .next()
            .expect("a row")
            .expect_err("a bad date")
            .to_string();
        assert!(
            message.contains("archive.parquet") && message.contains("last May"),
            "{message}"
        );
        let not_parquet = dir.path().join("notes.parquet");
        std::fs::write(&not_parquet, "id,text\n1,hello\n").expect("written");
        let message = open(&not_parquet).err().expect("refused").to_string();
        assert!(message.contains("notes.parquet"), "{message}");
    }
}
