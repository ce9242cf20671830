/** Turns texts into vectors. The model id is stored with every vector it makes. */
export interface Embedder {
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
  close(): Promise<void>;
}

/** The width of the `chunks.embedding` column; a model of another width is refused at start. */
export const storedDimensions = 512;
