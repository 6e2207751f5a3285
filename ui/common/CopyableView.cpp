#include "common/CopyableView.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QMap>

namespace cq::ui {

namespace {
QString cell(const QAbstractItemModel &model, int row, int column) {
    // Tabs and line breaks inside a cell would split it when pasted.
    return model.data(model.index(row, column)).toString().simplified();
}
} // namespace

QString selectedText(const QAbstractItemView *view) {
    const QAbstractItemModel *model = view->model();
    if (!model || !view->selectionModel()) {
        return {};
    }
    QMap<int, QMap<int, QString>> rows; // sorted by row, then column
    for (const QModelIndex &index : view->selectionModel()->selectedIndexes()) {
        rows[index.row()][index.column()] = cell(*model, index.row(), index.column());
    }
    QStringList lines;
    for (const auto &columns : std::as_const(rows)) {
        lines << QStringList(columns.cbegin(), columns.cend()).join(u'\t');
    }
    return lines.join(u'\n');
}

QString allText(const QAbstractItemView *view) {
    const QAbstractItemModel *model = view->model();
    if (!model) {
        return {};
    }
    QStringList lines;
    QStringList header;
    for (int column = 0; column < model->columnCount(); ++column) {
        header << model->headerData(column, Qt::Horizontal).toString();
    }
    lines << header.join(u'\t');
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column) {
            cells << cell(*model, row, column);
        }
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n');
}

void makeCopyable(QAbstractItemView *view) {
    auto *copy = new QAction(QApplication::translate("cq::ui::CopyableView", "Copy"), view);
    copy->setObjectName(view->objectName() + u"CopyAction");
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, view,
                     [view] { QApplication::clipboard()->setText(selectedText(view)); });
    auto *copyAll = new QAction(QApplication::translate("cq::ui::CopyableView", "Copy all"), view);
    copyAll->setObjectName(view->objectName() + u"CopyAllAction");
    QObject::connect(copyAll, &QAction::triggered, view,
                     [view] { QApplication::clipboard()->setText(allText(view)); });
    view->addAction(copy);
    view->addAction(copyAll);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace cq::ui
