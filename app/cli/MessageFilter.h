#pragma once

namespace cq::cli {

// Keeps stderr for what the command says: ClipQueue's own log categories (clipqueue.*) pass, and
// Qt's own messages (qt.* and uncategorised warnings from inside Qt: sockets, SQL connections,
// threads) are dropped, unless CLIPQUEUE_DEBUG=1 asks for everything. Installed by main() once.
void installMessageFilter();

} // namespace cq::cli
