#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace cq::ui {

// Shows #hashtags and @mentions in a caption as TikTok will link them: in the palette's link
// colour, bold (so they stand out without colour too).
class CaptionHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit CaptionHighlighter(QTextDocument *document);

    // The hashtags and mentions in `text`, with their # or @, in order.
    static QStringList tagsIn(const QString &text);

protected:
    void highlightBlock(const QString &text) override;

private:
    static const QRegularExpression &pattern();
};

} // namespace cq::ui
