// The report's figures and Markdown tables, as the bench prints them and docs/performance.md keeps them.

export const fixed = (value: number, digits = 0) => value.toFixed(digits)
export const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`
export const percent = (ratio: number) => `${fixed(ratio * 100, 1)} %`
export const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`

/** A Markdown table printed row by row as its figures come, and kept for the report. */
export const liveTable = (header: string[]) => {
  const lines = [row(header), row(header.map((_, i) => (i ? '---:' : '---')))]
  console.log(`\n${lines.join('\n')}`)
  const add = (cells: (string | number)[]) => {
    const line = row(cells)
    lines.push(line)
    console.log(line)
  }
  return { lines, add }
}
