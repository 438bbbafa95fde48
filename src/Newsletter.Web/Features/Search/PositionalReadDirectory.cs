using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Newsletter.Web.Features.Search;

/// <summary>
/// The index folder read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>, pread):
/// any number of searches read one file at once without a lock. Lucene.NET's own directories both serialise concurrent
/// searches: <c>MMapDirectory</c> registers every clone of an input (one per term lookup and per postings list) in a
/// locked map, and <c>NIOFSDirectory</c> seeks and reads a shared <see cref="FileStream"/> under a lock; under 32
/// concurrent searches those locks were where the threads waited (issue 19's profiles; decision 0016). Writing is
/// <see cref="FSDirectory"/>'s own.
/// </summary>
public sealed class PositionalReadDirectory(DirectoryInfo path) : FSDirectory(path, null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new Input($"PositionalReadIndexInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle),
            BufferedIndexInput.GetBufferSize(context), ownsHandle: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        return new Slicer(file, File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete),
            BufferedIndexInput.GetBufferSize(context));
    }

    /// <summary>Slices of a compound file, all reading through the slicer's one handle.</summary>
    private sealed class Slicer(string file, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new Input($"PositionalReadIndexInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", handle, offset,
                length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>A buffered input over [offset, offset + length) of a file; clones share the handle and never close it.</summary>
    private sealed class Input(string description, SafeFileHandle handle, long offset, long length, int bufferSize, bool ownsHandle)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool isClone;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int start, int count)
        {
            var position = Position + offset;
            if (Position + count > length)
            {
                throw new EndOfStreamException($"read past EOF: {this}");
            }

            while (count > 0)
            {
                var read = RandomAccess.Read(handle, b.AsSpan(start, count), position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this}");
                }

                position += read;
                start += read;
                count -= read;
            }
        }

        protected override void SeekInternal(long pos)
        {
            if (pos > length)
            {
                throw new EndOfStreamException($"seek past EOF: {this}");
            }
        }

        public override object Clone()
        {
            var clone = (Input)base.Clone();
            clone.isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !isClone)
            {
                handle.Dispose();
            }
        }
    }
}
