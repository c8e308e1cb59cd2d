// The resource chooser of a toolkit's resource list: choose several resources at once.
// Wagtail's page chooser opens in its multiple-choice mode; the first resource fills the
// item whose button was pressed and each further one becomes a new item after it, through
// the "split" capability Wagtail gives to the children of a list (the item keeps its value
// and the new one goes right after it: the rest are added backwards to keep their order).
//
// Wagtail's own page chooser is looked up when a widget is made, not when this script
// loads: the admin may load the scripts of a form in any order.
(function () {
  "use strict";

  function pageState(page) {
    return { id: page.id, parentId: page.parentId, adminTitle: page.adminTitle, editUrl: page.editUrl };
  }

  function chooseSeveral(widget, split) {
    if (!widget.modal) {
      widget.modal = new widget.chooserModalClass(widget.opts.modalUrl || widget.chooserElement.dataset.chooserUrl);
    }
    var modalOptions = Object.assign({}, widget.getModalOptions(), { multiple: true });
    widget.modal.open(modalOptions, function (result) {
      var pages = (Array.isArray(result) ? result : [result]).map(pageState);
      if (!pages.length) return;
      for (var i = pages.length - 1; i >= 1; i--) {
        split.fn(pages[0], pages[i], function () { return false; }, { animate: false });
      }
      widget.setStateFromModalData(pages[0]);
    });
  }

  function ResourcesChooserFactory(html, idPattern, opts) {
    var PageChooserFactory = window.telepath.constructors["wagtail.widgets.PageChooser"];
    var factory = new PageChooserFactory(html, idPattern, opts);
    var renderOne = factory.render.bind(factory);
    factory.render = function (placeholder, name, id, initialState, parentCapabilities, options) {
      var widget = renderOne(placeholder, name, id, initialState, parentCapabilities, options);
      var split = parentCapabilities && parentCapabilities.get && parentCapabilities.get("split");
      var chooseOne = widget.openChooserModal.bind(widget);
      widget.openChooserModal = function () {
        return split && split.enabled ? chooseSeveral(widget, split) : chooseOne();
      };
      return widget;
    };
    return factory;
  }

  window.telepath.register("resources.widgets.ResourcesChooser", ResourcesChooserFactory);
})();
