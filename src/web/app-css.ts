// The one stylesheet, served as /static/app.css so the CSP needs no inline style (issue 6 "Security").
// System fonts only, no framework runtime (issue 6 "Slow lines"); layouts wrap, so 320 px needs no scrolling.
import { createHash } from 'node:crypto';

export const APP_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
h1,h2,legend,label,dt{overflow-wrap:break-word;hyphens:auto}h1{font-size:clamp(1.5rem,7vw,2rem)}
.wide{overflow-x:auto;max-width:100%}pre{white-space:pre-wrap;overflow-wrap:anywhere}li,dd,h2,h3{overflow-wrap:anywhere}nav p{overflow-wrap:anywhere}
header{border-bottom:3px solid #004b87}
a{color:#004b87}a:focus,button:focus,input:focus,select:focus,textarea:focus,[tabindex]:focus{outline:3px solid #b35900;outline-offset:2px}
table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
.demo{background:#fff4ce;border:2px solid #8a6d00;padding:.5rem 1rem}
.grid{display:flex;flex-wrap:wrap;gap:0 2rem}
footer{border-top:1px solid #bbb;margin-top:2rem;font-size:.875rem;color:#444}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
fieldset{border:0;padding:0;margin:0 0 1.5rem;min-width:0}fieldset fieldset{margin:.5rem 0 .75rem;padding-left:.75rem;border-left:3px solid #ddd}
legend{font-weight:600;padding:0;max-width:100%;white-space:normal}fieldset fieldset legend{font-weight:400}
.q>legend,.q>label{font-size:1.1rem}
.opts label{display:inline-block;margin:.25rem 1.25rem .25rem 0}
input[type=radio],input[type=checkbox]{width:1.25rem;height:1.25rem;vertical-align:-.2rem;margin:0 .4rem 0 0}
input[type=text],input[type=email],textarea{font:inherit;width:100%;max-width:40rem;box-sizing:border-box;padding:.35rem;border:2px solid #555}
textarea{min-height:8rem}
.hint{color:#444;margin:.25rem 0}
.err{color:#b00020;font-weight:600;margin:.25rem 0}.bad{border-left:4px solid #b00020;padding-left:.75rem}
.box{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0}.box.info{border-color:#004b87}
button{font:inherit;padding:.5rem 1rem;margin:0 .5rem .5rem 0;border:2px solid #004b87;background:#004b87;color:#fff;cursor:pointer}
button.sec{background:#fff;color:#004b87}
select{font:inherit;max-width:100%}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
dl.answers dt{font-weight:600;margin-top:.5rem}dl.answers dd{margin:0 0 0 1rem}
.step{color:#444;margin:1rem 0 0}
code{word-break:break-all}
`;

/** Cache-busting version of the stylesheet URL. */
export const APP_CSS_PATH = `/static/app.css?v=${createHash('sha256').update(APP_CSS).digest('hex').slice(0, 10)}`;
