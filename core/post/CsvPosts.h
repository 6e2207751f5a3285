#pragma once

#include "post/Post.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <expected>

namespace cq {

// One row of a CSV plan: the post it describes, or why the row cannot be read as one.
struct CsvPostRow {
    int line = 0;            // 1-based line of the file where the row starts (the header is line 1)
    Post post;               // media URL or path as written (relative paths: from the CSV's folder)
    QString problem;         // set when a cell cannot be read (a time, a zone, a privacy level)
    bool addToQueue = false; // the time cell says "queue": the account's next free posting time
};

// Reads a plan of posts from CSV (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF;
// UTF-8, a byte-order mark is skipped). The header names the columns, in any order and case:
//   file (or url)  – the video or photo: a path or an http(s) URL          (required)
//   caption        – the caption
//   time           – "2031-03-28T18:30" or "2031-03-28 18:30" read in `zone`; an offset or Z is that
//                    instant; "queue" for the account's next free posting time; empty: no time
//   zone           – an IANA zone for the time (empty: `defaultZone`)
//   account        – the account id (empty: the default account)
//   privacy        – PUBLIC_TO_EVERYONE … or everyone / friends / followers / only me
//   interactions   – which to allow: "comment duet stitch" (any of them; empty: none, TikTok's default)
// A header without a file column, or an unknown column, is a Usage error; rows only carry problems.
std::expected<QList<CsvPostRow>, Error> parseCsvPosts(const QByteArray &csv, const QString &defaultZone);

} // namespace cq
