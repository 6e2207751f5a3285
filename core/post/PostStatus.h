#pragma once

#include <QString>

#include <optional>

namespace cq {

// The lifecycle states of docs/lifecycle.md, spelled as the CLI and database spell them.
enum class PostStatus {
    Draft = 1,
    InReview,
    ChangesRequested,
    Approved,
    Scheduled,
    Publishing,
    Processing,
    Published,
    Failed,
    Cancelled,
    NeedsAttention,
};

QString postStatusName(PostStatus status);
// The name in a sentence the window shows: translated there ("In Prüfung" for "in_review"), the name
// itself where no translator is installed (the command-line tool).
QString postStatusWords(PostStatus status);
std::optional<PostStatus> postStatusFromName(const QString &name);

} // namespace cq
