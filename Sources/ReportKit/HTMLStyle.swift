// The report's only style sheet, inline so index.html needs nothing but its folder (opened
// via file://, no network, no scripts).

enum HTMLStyle {
    static let css = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif;
           max-width: 1400px; margin: 0 auto; padding: 16px 24px 48px; color: #1d1d1f; line-height: 1.4; }
    h1 { font-size: 1.6em; margin: 0.4em 0 0.2em; }
    h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 2px solid #ccc; padding-bottom: 0.15em; }
    h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
    .subtitle { color: #555; margin: 0 0 1em; }
    nav { margin: 0.5em 0 1em; }
    nav a { margin-right: 1.2em; }
    a { color: #0b57d0; }
    code { font-family: ui-monospace, "Liberation Mono", monospace; font-size: 0.92em; }
    table { border-collapse: collapse; margin: 0.5em 0 1em; }
    th, td { border: 1px solid #bbb; padding: 4px 7px; vertical-align: top; text-align: left; }
    th { background: #f0f0f0; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.claims { width: 100%; font-size: 0.88em; table-layout: fixed; }
    table.claims td { overflow-wrap: anywhere; }
    table.claims td.id { font-family: ui-monospace, "Liberation Mono", monospace; }
    table.claims td.statement { white-space: pre-line; }
    table.claims td.value { font-variant-numeric: tabular-nums; }
    table.claims td.small { font-size: 0.92em; color: #333; }
    td.reason { white-space: pre-line; }
    td.status { font-weight: 600; }
    td.status .detail { display: block; font-weight: normal; font-size: 0.9em; }
    .status-holds td.status, td.count.status-holds { background: #cdebd3; color: #0f5323; }
    .status-fails td.status, td.count.status-fails { background: #f6c9cc; color: #8a1019; }
    .status-not-expected td.status, td.count.status-not-expected { background: #fbe7b5; color: #6b4a00; }
    .status-differs-from-the-published-run td.status, td.count.status-differs-from-the-published-run { background: #dcd3f0; color: #3b2470; }
    .status-open-difference td.status, td.count.status-open-difference { background: #f3d9c4; color: #6b2e00; }
    .status-stale td.status, td.count.status-stale { background: #f6c9cc; color: #8a1019; }
    .status-not-run td.status, td.count.status-not-run { background: #efefef; color: #555; }
    .status-error td.status, td.count.status-error { background: #7d0a0a; color: #fff; }
    tr.own td { font-weight: 600; }
    tr.dup td { color: #666; font-style: italic; }
    ul.failing li { margin: 0.15em 0; }
    .note { background: #fff4c2; border-left: 5px solid #e0a800; padding: 8px 12px; margin: 0.6em 0; }
    .warn { background: #f6c9cc; color: #8a1019; padding: 1px 6px; font-weight: 600; }
    figure { margin: 0; }
    figure.page img { max-width: 100%; height: auto; border: 1px solid #ddd; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
    .pair img { width: 100%; height: auto; max-height: 460px; object-fit: contain; border: 1px solid #ddd; }
    figcaption { text-align: center; color: #555; font-size: 0.9em; margin-top: 2px; }
    .missing { background: #e4e4e4; color: #555; border: 1px dashed #aaa; min-height: 120px;
               display: flex; align-items: center; justify-content: center; text-align: center; padding: 12px; }
    .missing.thin { min-height: 0; padding: 6px 12px; justify-content: flex-start; }
    section.panel { border-top: 1px solid #e3e3e3; margin-top: 1.2em; }
    details pre { white-space: pre-wrap; word-break: break-all; max-width: 60em; margin: 4px 0; font-size: 0.85em; }
    table.points { font-size: 0.88em; }
    table.points td.dir { word-break: break-all; }
    """
}
