// The runtime contract of the image as its Dockerfile states it: the final stage's EXPOSE and
// USER, which the Deployment must agree with.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DockerfileParser } from 'dockerfile-ast'
import { repoRoot } from './manifests.ts'

export type ImageContract = { ports: number[]; user: string | undefined }

export function finalStageContract(source: string): ImageContract {
  let contract: ImageContract = { ports: [], user: undefined }
  for (const instruction of DockerfileParser.parse(source).getInstructions()) {
    const keyword = instruction.getKeyword()
    const args = instruction.getArguments().map((argument) => argument.getValue())
    if (keyword === 'FROM') contract = { ports: [], user: undefined }
    if (keyword === 'EXPOSE') {
      contract.ports.push(...args.map((arg) => Number(arg.replace(/\/tcp$/i, ''))))
    }
    if (keyword === 'USER') contract.user = args.join(' ')
  }
  return contract
}

export function readImageContract(): ImageContract {
  return finalStageContract(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'))
}
