/* Siaga Console: incident pins drawn on one canvas (used by siaga-map.js).
 *
 * A thousand DOM markers take hundreds of milliseconds to add and lay out; pins on one
 * canvas take a few. PinCanvas extends Leaflet's canvas renderer, which brings the pane,
 * the padding, the zoom animation and the redraw on pan and zoom; the pins are plain
 * objects {siaga: item, ll: L.LatLng, pt: layer point} instead of a thousand Leaflet layers.
 * The canvas lets the mouse through: siaga-map.js finds pins under the mouse with hitTest.
 * Licence: MIT (Siaga Console).
 */
(function () {
  "use strict";

  var PIN_R = 12; // radius of the pin's head
  var PIN_H = 22; // from the tip to the centre of the head
  var COLOURS = { 1: "#c62828", 2: "#ef6c00", 3: "#f9a825", 4: "#546e7a" };
  var FA_FONT = '"Font Awesome 6 Free"';
  var glyphs = {};

  function prio(it) {
    var p = parseInt(it.p, 10);
    return p >= 1 && p <= 4 ? p : 3;
  }

  // The character of a Font Awesome icon, read from its stylesheet once per name.
  function glyph(name) {
    name = String(name || "").replace(/[^a-z0-9_-]/gi, "");
    if (glyphs[name] !== undefined) return glyphs[name];
    var probe = document.createElement("i");
    probe.className = "fa-solid fa-" + name;
    probe.style.position = "absolute";
    probe.style.visibility = "hidden";
    document.body.appendChild(probe);
    var content = getComputedStyle(probe, "::before").content;
    document.body.removeChild(probe);
    glyphs[name] = content && content !== "none" ? content.replace(/^["']|["']$/g, "") : "";
    return glyphs[name];
  }

  // options.isSelected(id) says which pin is highlighted (drawn larger, ringed, on top).
  var PinCanvas = L.Canvas.extend({
    initialize: function (options) {
      L.Canvas.prototype.initialize.call(this, options);
      this.pins = {};
      this._sorted = null;
    },
    selected: function (pin) {
      return !!(this.options.isSelected && this.options.isSelected(pin.siaga.id));
    },
    project: function (pin) {
      if (this._map) pin.pt = this._map.latLngToLayerPoint(pin.ll);
    },
    changed: function (reorder) {
      if (reorder) this._sorted = null;
      if (this._map && !this._redrawRequest) {
        this._redrawRequest = L.Util.requestAnimFrame(this._redraw, this);
      }
    },
    forgetGlyphs: function () {
      glyphs = {};
      this.changed(false);
    },
    drawNow: function () {
      // Draw now rather than at the next animation frame, so that "applied" means drawn.
      if (this._redrawRequest) {
        L.Util.cancelAnimFrame(this._redrawRequest);
        this._redraw();
      }
    },
    // Drawn in this order, the last one on top: lower priorities first, the selected last.
    sorted: function () {
      if (!this._sorted) {
        var self = this;
        this._sorted = Object.keys(this.pins)
          .map(function (id) {
            return self.pins[id];
          })
          .sort(function (a, b) {
            var sa = self.selected(a) ? 1 : 0;
            var sb = self.selected(b) ? 1 : 0;
            return sa - sb || prio(b.siaga) - prio(a.siaga) || a.siaga.id - b.siaga.id;
          });
      }
      return this._sorted;
    },
    size: function (pin) {
      return this.selected(pin) ? { r: PIN_R + 3, h: PIN_H + 5 } : { r: PIN_R, h: PIN_H };
    },
    hits: function (pin, layerPoint) {
      var s = this.size(pin);
      var head = pin.pt.subtract([0, s.h]);
      return layerPoint.distanceTo(head) <= s.r + 3 || layerPoint.distanceTo(pin.pt) <= 5;
    },
    // The topmost pin under a layer point, or null.
    hitTest: function (layerPoint) {
      var list = this.sorted();
      for (var i = list.length - 1; i >= 0; i--) {
        if (list[i].pt && this.hits(list[i], layerPoint)) return list[i];
      }
      return null;
    },
    // The view moved or zoomed (Leaflet fires "update"): project again, draw.
    _updatePaths: function () {
      if (this._postponeUpdatePaths || !this._map) return;
      for (var id in this.pins) this.project(this.pins[id]);
      this._redraw();
    },
    _redraw: function () {
      this._redrawRequest = null;
      if (!this._map || !this._ctx) return;
      this._clear();
      this._draw();
    },
    _clear: function () {
      var c = this._ctx;
      c.save();
      c.setTransform(1, 0, 0, 1, 0, 0);
      c.clearRect(0, 0, this._container.width, this._container.height);
      c.restore();
    },
    _draw: function () {
      if (!this._ctx || !this._bounds) return;
      var ctx = this._ctx;
      var b = this._bounds;
      var list = this.sorted();
      var font = null;
      ctx.save();
      ctx.lineJoin = "round";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      for (var i = 0; i < list.length; i++) {
        var pin = list[i];
        var pt = pin.pt;
        if (!pt || pt.x < b.min.x - 30 || pt.x > b.max.x + 30) continue;
        if (pt.y < b.min.y - 10 || pt.y > b.max.y + 50) continue;
        var it = pin.siaga;
        var selected = this.selected(pin);
        var s = this.size(pin);
        var cy = pt.y - s.h;
        var a = Math.acos(s.r / s.h);
        ctx.beginPath();
        ctx.moveTo(pt.x, pt.y);
        ctx.arc(pt.x, cy, s.r, Math.PI / 2 + a, Math.PI / 2 - a + 2 * Math.PI, false);
        ctx.closePath();
        ctx.lineWidth = selected ? 8 : 4;
        ctx.strokeStyle = selected ? "rgba(0, 184, 212, 0.85)" : "rgba(0, 0, 0, 0.35)";
        ctx.stroke();
        ctx.fillStyle = COLOURS[prio(it)];
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = "#fff";
        ctx.stroke();
        var ch = glyph(it.icon);
        if (ch) {
          var f = "900 " + Math.round(s.r * 1.05) + "px " + FA_FONT;
          if (f !== font) ctx.font = font = f;
          ctx.fillStyle = prio(it) === 3 ? "#212121" : "#fff";
          ctx.fillText(ch, pt.x, cy + 1);
        }
      }
      ctx.restore();
    },
  });

  window.SiagaPins = {
    PIN_R: PIN_R,
    PIN_H: PIN_H,
    FA_FONT: FA_FONT,
    prio: prio,
    PinCanvas: PinCanvas,
  };
})();
