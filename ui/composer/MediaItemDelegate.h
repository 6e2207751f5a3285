#pragma once

#include <QStyledItemDelegate>

namespace cq::ui {

// Draws one media row of the composer: the thumbnail (or a status icon) in a square on the left,
// the file name in bold, and below it the metadata summary in a quieter colour, or in red why the
// file cannot be used; then the validator's findings about this item, and "Cover" on the photo that
// is the carousel's cover. Reads MediaListModel's roles; the square's side is the view's icon size.
// A row that can be fixed or is converting keeps room at its right end for its MediaRowActions (an
// index widget, which updateEditorGeometry() puts there).
class MediaItemDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    // Whether the row shows actions (MediaRowActions) at its right end.
    static bool hasActions(const QModelIndex &index);

private:
    struct Layout {
        QRect thumbnail;
        QRect name;
        QRect summary;
        QRect notes; // this item's findings, below the summary; empty when there are none
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index, const QRect &rect) const;
};

} // namespace cq::ui
